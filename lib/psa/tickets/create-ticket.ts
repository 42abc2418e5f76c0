import type { Viewer } from "@/lib/auth/viewer";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaTicket } from "@/lib/psa/provider";
import type { CreateTicketInput } from "@/lib/psa/ticket-schemas";

/**
 * G6: creates a ticket in the viewer's account's PSA and resolves with it as the PSA stored it.
 * Throws conflict (409) when not connected, PsaError `invalid` (422) when the PSA refuses the
 * input (a status from another board, an unknown company), and PsaError for other failures.
 */
export async function createPsaTicket(viewer: Viewer, input: CreateTicketInput): Promise<PsaTicket> {
  const provider = await requirePsaProvider(viewer.accountId);
  return provider.createTicket({
    summary: input.summary,
    board_id: input.board_id,
    company_id: input.company_id,
    status_id: input.status_id,
    priority_id: input.priority_id,
    initial_description: input.initial_description,
  });
}
