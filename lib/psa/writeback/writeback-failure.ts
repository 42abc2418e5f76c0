import { AppError } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { isPsaError } from "@/lib/psa/psa-error";
import { isInTransit } from "@/lib/sessions/statuses";
import type { WritebackStep } from "@/lib/psa/writeback/types";

/** What the page needs to offer "Retry posting to ConnectWise" (returned as `error.details`). */
export type WritebackFailureDetails = {
  psa_post_id: string;
  session_id: string;
  /** The session's state in FlowPilot, which the failed post did not undo. */
  session_status: string;
  ticket_id: string;
  failed_step: WritebackStep;
  /** The note's id when it is on the ticket already (the status step failed). */
  external_id: string | null;
  /** The PSA error's kind (upstream, rejected, not_found, forbidden, invalid), or "unexpected". */
  psa_failure: string;
};

/**
 * E4/F1: the local resolve or escalation stands, but its PSA post failed (outage, silent
 * rejection). Always a 502: the failure is the PSA's, whatever it answered.
 */
export class PsaWritebackFailure extends AppError {
  constructor(
    message: string,
    readonly failure: WritebackFailureDetails,
  ) {
    super("upstream", message);
    this.name = "PsaWritebackFailure";
    this.publicDetails = failure;
  }
}

export const isPsaWritebackFailure = (error: unknown): error is PsaWritebackFailure => error instanceof PsaWritebackFailure;

/** The PSA's own words for a failure; anything that is not an AppError is logged and said generically. */
export function psaMessageOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error(JSON.stringify({ event: "psa.writeback_unexpected_error", error: String(error) }));
  return "FlowPilot hit an unexpected error talking to the PSA.";
}

export const failureKindOf = (error: unknown): string => (isPsaError(error) ? error.failure : "unexpected");

const NOUN: Record<DocumentKind, string> = { resolution_note: "resolution note", escalation_package: "escalation package" };
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** For people: what stands in FlowPilot, what failed on the ticket with the PSA's words, and what to do. */
export function describeFailure(input: { kind: DocumentKind; sessionStatus: string; ticketId: string; step: WritebackStep; psaMessage: string; psaFailure?: string }): string {
  const local =
    input.sessionStatus === "resolved"
      ? "The session is resolved in FlowPilot"
      : isInTransit(input.sessionStatus)
        ? "The session is escalated in FlowPilot and your teammates were notified"
        : "The document is saved in FlowPilot";
  const ticket = `ConnectWise ticket #${input.ticketId}`;
  const what =
    input.step === "note"
      ? `${local}, but posting the ${NOUN[input.kind]} to ${ticket} failed`
      : `${local} and the ${NOUN[input.kind]} is on ${ticket}, but moving the ticket's status failed`;
  const transient = input.psaFailure === undefined || input.psaFailure === "upstream" || input.psaFailure === "unexpected";
  const next = transient ? 'Use "Retry posting to ConnectWise" once ConnectWise answers again.' : 'Fix that (the target statuses are in Settings → PSA), then use "Retry posting to ConnectWise".';
  return `${what}: ${sentence(input.psaMessage)} ${next}`;
}
