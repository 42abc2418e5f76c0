import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { guessLanguage } from "@/lib/fixes/fix-decision";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { builderLanguageOf } from "@/lib/script-builder/schemas";
import { getBuilderSession } from "@/lib/script-builder/builder-sessions";
import type { BuilderSessionDetail } from "@/lib/script-builder/builder-view";

const findInline = (viewer: Viewer, aiSessionId: string) =>
  db.scriptBuilderSession.findFirst({
    where: { accountId: viewer.accountId, userId: viewer.userId, origin: "pilot_inline", aiSessionId },
    select: { id: true },
  });

/** A unique violation, whichever way the driver adapter reports it. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * H4 inline: the viewer's builder for a pilot session (origin pilot_inline), created on first use.
 * One per (user, pilot session), held by the partial unique index: of parallel first calls one
 * insert wins and the others read its row. Not counted in the cap, not listed. Throws not_found /
 * forbidden as `loadSessionForWrite` does (the viewer must work the session).
 */
export async function getOrCreateInlineBuilder(viewer: Viewer, aiSessionId: string): Promise<BuilderSessionDetail> {
  const session = await loadSessionForWrite(viewer, aiSessionId);
  let builder = await findInline(viewer, session.id);
  if (!builder) {
    const fix = await db.sessionSuggestedFix.findFirst({
      where: { sessionId: session.id, accountId: session.accountId, supersededAt: null },
      select: { aiDraftedScript: true, editedScript: true },
    });
    const script = fix?.editedScript ?? fix?.aiDraftedScript;
    try {
      builder = await db.scriptBuilderSession.create({
        data: {
          accountId: viewer.accountId,
          userId: viewer.userId,
          origin: "pilot_inline",
          aiSessionId: session.id,
          title: `Script for: ${session.title}`.slice(0, 200),
          language: builderLanguageOf(script ? guessLanguage(script) : "powershell"),
        },
        select: { id: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      builder = await findInline(viewer, session.id);
      if (!builder) throw error;
    }
  }
  return getBuilderSession(viewer, builder.id);
}
