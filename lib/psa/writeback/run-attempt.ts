import { readAccountPreferences } from "@/lib/accounts/preferences";
import { conflict } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { NOT_CONNECTED, loadPsaProvider } from "@/lib/psa/account-provider";
import type { PsaNoteKind, PsaProvider } from "@/lib/psa/provider";
import { recordPsaWrite } from "@/lib/psa/psa-timeline";
import { findPostedNote } from "@/lib/psa/writeback/note-match";
import { markFailed, markPosted, saveNoteId, saveTargetStatus } from "@/lib/psa/writeback/post-records";
import type { PostTarget, PsaPosted, WritebackActor, WritebackStep } from "@/lib/psa/writeback/types";
import { describeFailure, failureKindOf, psaMessageOf, PsaWritebackFailure } from "@/lib/psa/writeback/writeback-failure";

/** G7: the resolution is customer-visible; the escalation package is for members only. */
const NOTE_KIND: Record<DocumentKind, PsaNoteKind> = { resolution_note: "resolution", escalation_package: "internal_analysis" };
const LABEL: Record<DocumentKind, string> = { resolution_note: "the resolution note (customer-visible)", escalation_package: "the escalation package as an internal-analysis note" };
const SKIPPED: Record<DocumentKind, string> = {
  resolution_note: "No resolved status is configured in Settings → PSA, so the ticket's status was left as it was.",
  escalation_package: "No escalated status is configured in Settings → PSA, so the ticket's status was left as it was.",
};

class StepFailure extends Error {
  constructor(
    readonly step: WritebackStep,
    readonly reason: unknown,
  ) {
    super(`The PSA ${step} step failed`);
  }
}

/**
 * One attempt of a post, outside any transaction: the note (unless an earlier attempt left it on
 * the ticket), then the account's target status, moved and verified by the provider. Each PSA
 * write goes on the session's timeline; the outcome goes on the `psa_posts` row and the
 * documentation. Resolves with the posted result; throws PsaWritebackFailure (502) otherwise.
 */
export async function runPostAttempt(target: PostTarget, actor: WritebackActor, sessionStatus: string): Promise<PsaPosted> {
  let noteId = target.noteId;
  try {
    const provider = await loadPsaProvider(target.accountId).catch((error: unknown) => {
      throw new StepFailure("note", error);
    });
    if (!provider) throw new StepFailure("note", conflict(NOT_CONNECTED));
    noteId ??= await postNote(provider, target, actor);
    return await moveStatus(provider, { ...target, noteId }, actor);
  } catch (error) {
    const step = error instanceof StepFailure ? error.step : "note";
    const cause = error instanceof StepFailure ? error.reason : error;
    const psaMessage = psaMessageOf(cause);
    const psaFailure = failureKindOf(cause);
    await markFailed({ postId: target.postId, documentationId: target.documentationId }, { step, message: psaMessage, noteId, psaFailure });
    console.warn(JSON.stringify({ event: "psa.writeback_failed", account_id: target.accountId, post_id: target.postId, ticket_id: target.ticketId, step, attempt: target.attempt, error: psaMessage }));
    throw new PsaWritebackFailure(describeFailure({ kind: target.kind, sessionStatus, ticketId: target.ticketId, step, psaMessage, psaFailure }), {
      psa_post_id: target.postId,
      session_id: target.sessionId,
      session_status: sessionStatus,
      ticket_id: target.ticketId,
      failed_step: step,
      external_id: noteId,
      psa_failure: psaFailure,
    });
  }
}

/** Posts the note (or, on a retry, adopts the one an earlier attempt may have left) and keeps its id at once. */
async function postNote(provider: PsaProvider, target: PostTarget, actor: WritebackActor): Promise<string> {
  const kind = NOTE_KIND[target.kind];
  try {
    const earlier = target.attempt > 1 ? findPostedNote(await provider.listNotes(target.ticketId), kind, target.markdown) : undefined;
    const note = earlier ?? (await provider.addNote(target.ticketId, { kind, text: target.markdown }));
    await saveNoteId(target.postId, note.id);
    await recordPsaWrite(actor.accountId, actor.userId, { sessionId: target.sessionId }, {
      action: "note",
      ticket_id: target.ticketId,
      ok: true,
      detail: earlier ? `Found ${LABEL[target.kind]} already on the ticket from an earlier attempt; kept it instead of posting it again` : `Posted ${LABEL[target.kind]}`,
      external_id: note.id,
    });
    return note.id;
  } catch (error) {
    await recordPsaWrite(actor.accountId, actor.userId, { sessionId: target.sessionId }, { action: "note", ticket_id: target.ticketId, ok: false, detail: `Posting ${LABEL[target.kind]} failed: ${psaMessageOf(error)}` });
    throw new StepFailure("note", error);
  }
}

/** Moves the ticket to the account's configured status (verified by the provider), or says why not. */
async function moveStatus(provider: PsaProvider, target: PostTarget & { noteId: string }, actor: WritebackActor): Promise<PsaPosted> {
  const preferences = await readAccountPreferences(target.accountId);
  const configured = target.kind === "resolution_note" ? preferences.cw_resolved_status_id : preferences.cw_escalated_status_id;
  const statusId = configured === null ? null : String(configured);
  await saveTargetStatus(target.postId, statusId);
  const base = { posted: true as const, post_id: target.postId, ticket_id: target.ticketId, external_id: target.noteId };
  const records = { postId: target.postId, documentationId: target.documentationId };
  if (statusId === null) {
    const result: PsaPosted = { ...base, verified_status: null, status_transition_skipped_reason: SKIPPED[target.kind] };
    await markPosted(records, result, null);
    return result;
  }
  let verified: { id: string; name: string };
  try {
    const ticket = await provider.setTicketStatus(target.ticketId, statusId);
    verified = ticket.status ?? { id: statusId, name: `status ${statusId}` };
  } catch (error) {
    await recordPsaWrite(actor.accountId, actor.userId, { sessionId: target.sessionId }, { action: "status", ticket_id: target.ticketId, ok: false, detail: `Moving the ticket to status ${statusId} failed: ${psaMessageOf(error)}` });
    throw new StepFailure("status", error);
  }
  await recordPsaWrite(actor.accountId, actor.userId, { sessionId: target.sessionId }, { action: "status", ticket_id: target.ticketId, ok: true, detail: `Moved the ticket to '${verified.name}' (verified by re-reading it)`, external_id: verified.id });
  const result: PsaPosted = { ...base, verified_status: { id: verified.id, name: verified.name }, status_transition_skipped_reason: null };
  await markPosted(records, result, verified);
  return result;
}
