import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { guessLanguage } from "@/lib/fixes/fix-decision";
import { readableSessionWhere } from "@/lib/sessions/session-access";
import { builderLanguageOf, type BuilderLanguage } from "@/lib/script-builder/schemas";
import { builderSessionSelect, toBuilderSessionView, type BuilderSessionView } from "@/lib/script-builder/builder-view";
import { insertStandaloneSession } from "@/lib/script-builder/builder-sessions";
import { loadPilotContext } from "@/lib/script-builder/pilot-context";
import { fixMarker, STARTING_CONTEXT_HEADING, startingContextMessage } from "@/lib/script-builder/starting-context";

export type OpenedBuilder = { session: BuilderSessionView; created: boolean };

/**
 * D2 build_template → H4: the viewer's standalone builder pre-loaded from a pilot session and one
 * of its fixes — the session title, its confirmed facts and the fix (title, description, drafted
 * script, parameters) as the first message, the drafted script as the current script. Reuses the
 * viewer's builder already opened from that fix. Throws not_found when the session isn't readable
 * or the fix belongs to another session, conflict at the session cap.
 */
export async function openBuilderFromFix(
  viewer: Viewer,
  input: { sessionId: string; fixId: string; language?: BuilderLanguage; title?: string },
): Promise<OpenedBuilder> {
  const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, input.sessionId), select: { id: true } });
  if (!session) throw notFound("Session");
  const fix = await db.sessionSuggestedFix.findFirst({
    where: { id: input.fixId, sessionId: session.id, accountId: viewer.accountId },
    select: { id: true },
  });
  if (!fix) throw notFound("Suggested fix");

  const existing = await db.scriptBuilderSession.findFirst({
    where: {
      accountId: viewer.accountId,
      userId: viewer.userId,
      origin: "standalone",
      aiSessionId: session.id,
      messages: { some: { role: "user", content: { startsWith: STARTING_CONTEXT_HEADING, contains: fixMarker(fix.id) } } },
    },
    orderBy: { updatedAt: "desc" },
    select: builderSessionSelect,
  });
  if (existing) return { session: toBuilderSessionView(existing), created: false };

  const context = await loadPilotContext(viewer.accountId, session.id, { fixId: fix.id });
  if (!context?.fix) throw notFound("Suggested fix");
  const language = input.language ?? builderLanguageOf(context.fix.script ? guessLanguage(context.fix.script) : "powershell");
  const created = await insertStandaloneSession(viewer, {
    title: input.title || context.fix.title.slice(0, 200),
    language,
    aiSessionId: session.id,
    startingContext: startingContextMessage(context, language),
    currentScript: context.fix.script,
  });
  return { session: created, created: true };
}
