import type { Viewer } from "@/lib/auth/viewer";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaTicket } from "@/lib/psa/provider";
import { listLinkedSessions, type LinkedSession } from "@/lib/psa/tickets/linked-sessions";
import { noteTicketRead } from "@/lib/sessions/reopen-signal";

export type PsaTicketDetail = { ticket: PsaTicket; linked_sessions: LinkedSession[] };

/**
 * G3: one ticket of the viewer's account's PSA, with the sessions of this account linked to it
 * that the viewer may read. Throws conflict (409) when not connected, not_found (404) when the PSA
 * has no such ticket, and PsaError for other PSA failures. An open ticket that a resolved session
 * had moved on marks that session reopened (L3).
 */
export async function getPsaTicket(viewer: Viewer, ticketId: string): Promise<PsaTicketDetail> {
  const provider = await requirePsaProvider(viewer.accountId);
  const ticket = await provider.getTicket(ticketId);
  await noteTicketRead(viewer.accountId, ticket);
  return { ticket, linked_sessions: await listLinkedSessions(viewer, ticketId) };
}
