import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import { loadPsaProvider } from "@/lib/psa/account-provider";
import { isPsaError } from "@/lib/psa/psa-error";
import { psaDisplayName, psaTicketRef } from "@/lib/psa/tickets/ticket-ref";

/** What a new session stores about the ticket it is linked to. */
export type SessionTicketLink = { psaTicketId: string; psaTicketRef: string; companyName: string | null };

/**
 * Reads the ticket a new session is linked to from the account's PSA, for its ref and company.
 * Without a PSA connection the id is kept as "#<id>". A PSA that can't be reached (or keys that
 * can't be opened) must not stop an engineer starting work: the link is kept as "CW #<id>" and
 * the failure logged. Only a PSA that says the ticket doesn't exist refuses: invalid (422).
 * Runs before, never inside, the transaction that creates the session.
 */
export async function resolveSessionTicketLink(viewer: Viewer, ticketId: string, companyName?: string): Promise<SessionTicketLink> {
  const given = companyName?.trim() || null;
  let provider;
  try {
    provider = await loadPsaProvider(viewer.accountId);
  } catch (error) {
    logLookupFailure(viewer, ticketId, error);
    return { psaTicketId: ticketId, psaTicketRef: `#${ticketId}`, companyName: given };
  }
  if (!provider) return { psaTicketId: ticketId, psaTicketRef: `#${ticketId}`, companyName: given };

  const ref = psaTicketRef(provider.kind, ticketId);
  try {
    const ticket = await provider.getTicket(ticketId);
    return { psaTicketId: ticketId, psaTicketRef: ref, companyName: given ?? ticket.company?.name ?? null };
  } catch (error) {
    if (isPsaError(error) && error.failure === "not_found") {
      throw invalid(`Ticket #${ticketId} was not found in ${psaDisplayName[provider.kind]}.`);
    }
    logLookupFailure(viewer, ticketId, error);
    return { psaTicketId: ticketId, psaTicketRef: ref, companyName: given };
  }
}

function logLookupFailure(viewer: Viewer, ticketId: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(JSON.stringify({ event: "psa.session_ticket_lookup_failed", account_id: viewer.accountId, ticket_id: ticketId, message }));
}
