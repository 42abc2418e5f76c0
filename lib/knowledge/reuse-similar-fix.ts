import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FixStatus } from "@/lib/generated/prisma/enums";
import { TX_OPTIONS } from "@/lib/fixes/fix-access";
import { recordSuggestedFix } from "@/lib/fixes/fix-recorder";
import type { FixView } from "@/lib/fixes/fix-view";
import type { ReuseSimilarFixInput } from "@/lib/knowledge/schemas";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

/** Which of a resolved session's fixes is "the fix that worked", best first (as the search ranks them). */
const REUSABLE: readonly FixStatus[] = ["applied_success", "applied_partial", "proposed"];

type SourceFix = {
  title: string;
  description: string;
  confidence: number;
  status: FixStatus;
  templateId: string | null;
  aiDraftedScript: string | null;
  editedScript: string | null;
  aiDraftedParameters: Prisma.JsonValue | null;
  supersededAt: Date | null;
};

function fixThatWorked(fixes: SourceFix[]): SourceFix | undefined {
  return [...fixes].sort(
    (x, y) => REUSABLE.indexOf(x.status) - REUSABLE.indexOf(y.status) || Number(x.supersededAt !== null) - Number(y.supersededAt !== null),
  )[0];
}

/**
 * "Use this fix": suggests here the fix that worked in the resolved session `source_session_id`
 * (its script as the engineer ran it), recording where it came from. It supersedes the active
 * fix as any suggestion does. Throws not_found / forbidden as `loadSessionForWrite`, not_found
 * for a source that is not a resolved, not reopened session of the account, conflict when this
 * session is resolved or the source has no fix to reuse.
 */
export async function reuseSimilarFix(viewer: Viewer, input: ReuseSimilarFixInput): Promise<FixView> {
  return db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, input.id, tx);
    if (session.status === "resolved") throw conflict("This session is resolved. Start a new session to try another fix.");
    const source = await tx.aiSession.findFirst({
      where: { id: input.source_session_id, accountId: viewer.accountId, status: "resolved", reopenedAt: null, NOT: { id: session.id } },
      select: { id: true, fixes: { where: { status: { in: [...REUSABLE] } } } },
    });
    if (!source) throw notFound("Resolved session");
    const fix = fixThatWorked(source.fixes);
    if (!fix) throw conflict("That session was resolved without a fix to reuse; describe the problem to get a suggestion.");
    return recordSuggestedFix(tx, {
      accountId: viewer.accountId,
      sessionId: session.id,
      fix: {
        title: fix.title,
        description: fix.description,
        confidence: fix.confidence,
        templateId: fix.templateId,
        aiDraftedScript: fix.editedScript ?? fix.aiDraftedScript,
        aiDraftedParameters: (fix.aiDraftedParameters as Prisma.InputJsonValue | null) ?? null,
        sourceSessionId: source.id,
      },
    });
  }, TX_OPTIONS);
}
