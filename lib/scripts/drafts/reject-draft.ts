import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { explainResolveMiss, recordDraftStep, requirePending, TX_OPTIONS } from "@/lib/scripts/drafts/draft-resolution";
import { getDraftTemplate } from "@/lib/scripts/drafts/draft-queue";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";

/**
 * H5: rejects a pending draft (nothing reaches the library) and notes it on the draft's session.
 * Throws not_found for another tenant's draft, conflict when the draft was already rejected or
 * accepted — the status-guarded update decides between two people deciding at once.
 */
export async function rejectDraftTemplate(viewer: Viewer, id: string): Promise<DraftView> {
  const draft = await db.draftTemplate.findFirst({
    where: { id, accountId: viewer.accountId },
    select: { id: true, name: true, status: true, sessionId: true },
  });
  if (!draft) throw notFound("Draft template");
  requirePending(draft.status, "reject");

  const rejected = await db.$transaction(async (tx) => {
    const claimed = await tx.draftTemplate.updateMany({
      where: { id, accountId: viewer.accountId, status: "pending" },
      data: { status: "rejected", resolvedAt: new Date() },
    });
    if (claimed.count === 0) return false;
    await recordDraftStep(tx, viewer, draft, {
      content: `Rejected the draft template "${draft.name}".`,
      metadata: { type: "draft_template_rejected" },
    });
    return true;
  }, TX_OPTIONS);
  if (!rejected) throw await explainResolveMiss(viewer, id, "reject");
  return getDraftTemplate(viewer, id);
}
