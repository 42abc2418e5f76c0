import type { Viewer } from "@/lib/auth/viewer";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaTicket } from "@/lib/psa/provider";
import { recordPsaWrite } from "@/lib/psa/psa-timeline";
import { failureDetail } from "@/lib/psa/tickets/record-failure";

export type TicketStatusChange = { new_status: string | null; new_status_id: string | null; ticket: PsaTicket };

/**
 * G3: moves a ticket of the viewer's account's PSA to `statusId`, verified by the provider
 * re-reading the ticket. Resolves with the status the PSA now reports (`new_status_id` keeps a
 * status picker in sync) and the re-read ticket. The attempt, success or failure, goes on the
 * timeline of every session of this account linked to the ticket. Throws conflict (409) when not
 * connected, PsaError `rejected` (502) when the PSA kept the old status, with a message naming
 * both, and any other PsaError as it is.
 */
export async function changePsaTicketStatus(viewer: Viewer, ticketId: string, statusId: string): Promise<TicketStatusChange> {
  const provider = await requirePsaProvider(viewer.accountId);
  let ticket: PsaTicket;
  try {
    ticket = await provider.setTicketStatus(ticketId, statusId);
  } catch (error) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "status", ticket_id: ticketId, ok: false, detail: failureDetail("The status change", error) });
    throw error;
  }
  const name = ticket.status?.name ?? null;
  await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, {
    action: "status",
    ticket_id: ticketId,
    ok: true,
    detail: `Moved the ticket to "${name ?? `status #${statusId}`}" (verified).`,
    external_id: ticket.status?.id ?? null,
  });
  return { new_status: name, new_status_id: ticket.status?.id ?? null, ticket };
}
