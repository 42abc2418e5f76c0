import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { NOT_CONNECTED } from "@/lib/psa/account-provider";
import { claimRetry, createPsaPost, markLocal } from "@/lib/psa/writeback/post-records";
import { runPostAttempt } from "@/lib/psa/writeback/run-attempt";
import type { PsaPosted, PsaWritebackResult, WritebackActor } from "@/lib/psa/writeback/types";
import { mayRetryPsaPost } from "@/lib/psa/writeback/retry-access";
import { readableSessionWhere } from "@/lib/sessions/session-access";

export const CONNECTION_OFF = "The account's PSA connection is switched off in Settings → PSA, so nothing was posted to the ticket.";
const ALREADY_POSTED = "This document is already on the ticket; there is nothing to retry. Reload to see it.";
const IN_FLIGHT = "This document is being posted right now. Wait a moment and reload.";
const NOT_YOURS = "Only the engineer working this session can retry its post to the PSA.";

/**
 * PSAWriteback (E4, F1, G7): posts a session's document to its linked ticket, after the local
 * resolve or escalation has committed, never inside a transaction. A resolution note becomes a
 * customer-visible resolution note, an escalation package an internal-analysis note; then the
 * ticket moves to the account's configured status (`cw_resolved_status_id` /
 * `cw_escalated_status_id`), verified by re-reading it, or the skip is explained. Every attempt
 * is a `psa_posts` row mirrored on the documentation; every PSA write is on the timeline.
 * Resolves null when the session has no linked ticket, `{ posted: false, reason }` when the
 * account has no (active) PSA connection. Throws PsaWritebackFailure (502, with the post id in
 * `error.details`) when the PSA fails or silently refuses; the local state stands.
 */
export async function postDocumentationToPsa(actor: WritebackActor, input: { documentationId: string; sessionStatus: string }): Promise<PsaWritebackResult | null> {
  const doc = await db.sessionDocumentation.findFirstOrThrow({
    where: { id: input.documentationId, accountId: actor.accountId },
    select: { id: true, kind: true, markdown: true, sessionId: true, session: { select: { psaTicketId: true } } },
  });
  const ticketId = doc.session.psaTicketId;
  if (!ticketId) return null;
  const connection = await db.psaConnection.findFirst({ where: { accountId: actor.accountId }, select: { isActive: true } });
  if (!connection?.isActive) {
    const reason = connection ? CONNECTION_OFF : NOT_CONNECTED;
    await markLocal(doc.id, reason);
    return { posted: false, reason };
  }
  const post = await createPsaPost({ accountId: actor.accountId, sessionId: doc.sessionId, documentationId: doc.id, kind: doc.kind, ticketId });
  return runPostAttempt(
    { postId: post.id, accountId: actor.accountId, sessionId: doc.sessionId, documentationId: doc.id, kind: doc.kind, ticketId, markdown: doc.markdown, noteId: null, attempt: 1 },
    actor,
    input.sessionStatus,
  );
}

export type RetryPsaPostResult = {
  outcome: "resolved" | "escalated";
  session_id: string;
  session_status: string;
  documentation: { id: string; kind: string; markdown: string; ai_generated: boolean };
  psa: PsaPosted;
};

/**
 * Retries a failed post: the note only if it is not on the ticket yet (a recorded note id, or a
 * note with the same text an earlier, timed-out attempt left there), then the status step with
 * the account's current target. Who may: see `mayRetryPsaPost`. Throws not_found for another session's
 * or tenant's post, forbidden for anyone else, conflict when already posted, in flight, or the
 * account is no longer connected; PsaWritebackFailure (502) when the PSA fails again.
 */
export async function retryPsaPost(viewer: Viewer, input: { sessionId: string; postId: string }): Promise<RetryPsaPostResult> {
  const post = await db.psaPost.findFirst({
    where: { id: input.postId, sessionId: input.sessionId, accountId: viewer.accountId },
    select: { id: true, status: true, kind: true, ticketId: true, noteId: true, attempts: true, documentation: { select: { id: true, markdown: true, aiGenerated: true } } },
  });
  const session = post && (await db.aiSession.findFirst({ where: readableSessionWhere(viewer, input.sessionId), select: { id: true, status: true, userId: true, handlerId: true } }));
  if (!post || !session) throw notFound("PSA post");
  if (!mayRetryPsaPost(viewer, session, post.kind)) throw forbidden(NOT_YOURS);
  if (post.status === "posted") throw conflict(ALREADY_POSTED);
  const connection = await db.psaConnection.findFirst({ where: { accountId: viewer.accountId }, select: { isActive: true } });
  if (!connection) throw conflict(NOT_CONNECTED);
  if (!connection.isActive) throw conflict(CONNECTION_OFF);
  if (!(await claimRetry(post.id))) {
    const now = await db.psaPost.findFirstOrThrow({ where: { id: post.id }, select: { status: true } });
    throw conflict(now.status === "posted" ? ALREADY_POSTED : IN_FLIGHT);
  }
  const { documentation: doc } = post;
  const psa = await runPostAttempt(
    { postId: post.id, accountId: viewer.accountId, sessionId: session.id, documentationId: doc.id, kind: post.kind, ticketId: post.ticketId, markdown: doc.markdown, noteId: post.noteId, attempt: post.attempts + 1 },
    { accountId: viewer.accountId, userId: viewer.userId },
    session.status,
  );
  return {
    outcome: post.kind === "resolution_note" ? "resolved" : "escalated",
    session_id: session.id,
    session_status: session.status,
    documentation: { id: doc.id, kind: post.kind, markdown: doc.markdown, ai_generated: doc.aiGenerated },
    psa,
  };
}

/** The design card's name for the service (E4, F1): post once, retry a failed post. */
export const PSAWriteback = { postDocumentation: postDocumentationToPsa, retryPost: retryPsaPost } as const;
