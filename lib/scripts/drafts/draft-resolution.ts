import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound, type AppError } from "@/lib/errors";
import type { DraftTemplateStatus } from "@/lib/generated/prisma/enums";
import { bumpStateVersion } from "@/lib/sessions/state-version";

export const TX_OPTIONS = { timeout: 10_000, maxWait: 10_000 } as const;

type Resolution = "accept" | "reject";

const refusals: Record<Resolution, Record<Exclude<DraftTemplateStatus, "pending">, string>> = {
  accept: {
    accepted: "This draft was already saved as a template; reload to see it in the library.",
    rejected: "This draft was rejected, so it can't be saved as a template any more.",
  },
  reject: {
    accepted: "This draft was already saved as a template; archive the template instead.",
    rejected: "This draft was already rejected.",
  },
};

/** Throws conflict when a draft is no longer pending: a draft is accepted or rejected once. */
export function requirePending(status: DraftTemplateStatus, resolution: Resolution): void {
  if (status !== "pending") throw conflict(refusals[resolution][status]);
}

/**
 * Why a guarded update changed no row: the draft isn't the viewer's account's (not_found), or
 * someone resolved it first (conflict, worded by what happened to it).
 */
export async function explainResolveMiss(viewer: Viewer, id: string, resolution: Resolution): Promise<AppError> {
  const current = await db.draftTemplate.findFirst({ where: { id, accountId: viewer.accountId }, select: { status: true } });
  if (!current) return notFound("Draft template");
  if (current.status === "pending") return conflict("Someone else was deciding this draft at the same moment; reload and try again.");
  return conflict(refusals[resolution][current.status]);
}

/**
 * Records the decision on the draft's session timeline and bumps its state_version: the step is
 * an engineer action, which the session's documents quote (B4).
 */
export async function recordDraftStep(
  tx: Tx,
  viewer: Viewer,
  draft: { id: string; sessionId: string | null },
  step: { content: string; metadata: Record<string, string> },
): Promise<void> {
  if (!draft.sessionId) return;
  await tx.aiSessionStep.create({
    data: {
      accountId: viewer.accountId,
      sessionId: draft.sessionId,
      userId: viewer.userId,
      kind: "engineer_action",
      content: step.content,
      metadata: { ...step.metadata, draft_template_id: draft.id },
    },
  });
  await bumpStateVersion(tx, draft.sessionId);
}
