import { db } from "@/lib/db";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import type { PsaPosted, PsaVerifiedStatus, WritebackStep } from "@/lib/psa/writeback/types";

/** A pending attempt older than this is taken to have died with its process; a retry may take it over. */
export const STALE_ATTEMPT_MS = 2 * 60_000;

/** The `psa_posts` row for a document's first attempt (pending, attempt 1). */
export async function createPsaPost(input: { accountId: string; sessionId: string; documentationId: string; kind: DocumentKind; ticketId: string }) {
  return db.psaPost.create({ data: { ...input, status: "pending", attempts: 1 }, select: { id: true } });
}

/**
 * Takes the post for another attempt: only a failed one, or a pending one whose attempt went
 * stale. The condition makes two concurrent retries race on one row, and exactly one wins.
 */
export async function claimRetry(postId: string): Promise<boolean> {
  const claimed = await db.psaPost.updateMany({
    where: { id: postId, OR: [{ status: "failed" }, { status: "pending", updatedAt: { lt: new Date(Date.now() - STALE_ATTEMPT_MS) } }] },
    data: { status: "pending", attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Keeps the note id the moment the note exists, before anything else can fail. */
export async function saveNoteId(postId: string, noteId: string) {
  await db.psaPost.update({ where: { id: postId }, data: { noteId } });
}

/** Records the status step's target before it is attempted (null: none configured). */
export async function saveTargetStatus(postId: string, targetStatusId: string | null) {
  await db.psaPost.update({ where: { id: postId }, data: { targetStatusId } });
}

/** The post succeeded: on the row, and mirrored on the documentation. */
export async function markPosted(target: { postId: string; documentationId: string }, result: PsaPosted, verified: PsaVerifiedStatus | null) {
  await db.psaPost.update({
    where: { id: target.postId },
    data: {
      status: "posted",
      verifiedStatusId: verified?.id ?? null,
      verifiedStatusName: verified?.name ?? null,
      statusTransitionSkippedReason: result.status_transition_skipped_reason,
      lastError: null,
      postedAt: new Date(),
    },
  });
  await db.sessionDocumentation.update({
    where: { id: target.documentationId },
    data: { psaPostStatus: "posted", psaExternalId: result.external_id, psaDetail: result },
  });
}

/** The attempt failed at `step`: the PSA's message on the row, and the failure mirrored on the documentation. */
export async function markFailed(target: { postId: string; documentationId: string }, failure: { step: WritebackStep; message: string; noteId: string | null; psaFailure: string }) {
  await db.psaPost.update({ where: { id: target.postId }, data: { status: "failed", lastError: failure.message } });
  await db.sessionDocumentation.update({
    where: { id: target.documentationId },
    data: {
      psaPostStatus: "failed",
      psaExternalId: failure.noteId,
      psaDetail: { posted: false, post_id: target.postId, failed_step: failure.step, psa_failure: failure.psaFailure, error: failure.message },
    },
  });
}

/** The documentation stays in FlowPilot only; `reason` says why nothing was attempted. */
export async function markLocal(documentationId: string, reason: string) {
  await db.sessionDocumentation.update({ where: { id: documentationId }, data: { psaPostStatus: "local", psaDetail: { posted: false, reason } } });
}
