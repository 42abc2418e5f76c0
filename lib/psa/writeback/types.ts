import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** The ticket status ConnectWise reported when FlowPilot re-read the ticket after moving it. */
export type PsaVerifiedStatus = { id: string; name: string };

/** E4/F1: the document is on the ticket (and the status moved and verified, or skipped with why). */
export type PsaPosted = {
  posted: true;
  /** The `psa_posts` row; `POST /ai-sessions/:id/psa-posts/:post_id/retry` addresses it. */
  post_id: string;
  ticket_id: string;
  /** The PSA's id of the note. */
  external_id: string;
  verified_status: PsaVerifiedStatus | null;
  status_transition_skipped_reason: string | null;
};

/** Nothing was attempted on the PSA (no connection, or it is switched off), and why. */
export type PsaNotPosted = { posted: false; reason: string };

/** What a post of a session's document did on the PSA side; null in a response = no linked ticket. */
export type PsaWritebackResult = PsaPosted | PsaNotPosted;

/** Which step of a post failed: the note itself, or moving the ticket after it. */
export type WritebackStep = "note" | "status";

/** Everything an attempt needs about the post and the document it carries. */
export type PostTarget = {
  postId: string;
  accountId: string;
  sessionId: string;
  documentationId: string;
  kind: DocumentKind;
  ticketId: string;
  markdown: string;
  /** Set once the note exists on the ticket, so no attempt posts it twice. */
  noteId: string | null;
  /** 1 on the first attempt; a later attempt first looks for a note an earlier one may have left. */
  attempt: number;
};

/** Who the PSA writes are made for (the timeline's user). */
export type WritebackActor = { accountId: string; userId: string };
