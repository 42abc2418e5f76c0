import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwTicket } from "@/lib/psa/connectwise/cw-types";
import { toTicket } from "@/lib/psa/connectwise/mappers";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import { TICKET_FIELDS } from "@/lib/psa/connectwise/ticket-reads";
import type { CreateTicketInput, PsaTicket } from "@/lib/psa/provider";
import { PsaError } from "@/lib/psa/psa-error";

/**
 * G6: creates a service ticket (201) and returns it. ConnectWise checks the status against the
 * board on create: a status of another board is a PsaError `invalid` with CW's message.
 * Not retried: a repeated POST would create a second ticket.
 */
export async function createTicket(ctx: CwContext, input: CreateTicketInput): Promise<PsaTicket> {
  const summary = input.summary.trim();
  if (!summary) throw new PsaError("invalid", "A ticket needs a summary.");
  const body = {
    summary,
    board: { id: cwId(input.board_id, "Board") },
    company: { id: cwId(input.company_id, "Company") },
    ...(input.status_id ? { status: { id: cwId(input.status_id, "Status") } } : {}),
    ...(input.priority_id ? { priority: { id: cwId(input.priority_id, "Priority") } } : {}),
    ...(input.initial_description?.trim() ? { initialDescription: input.initial_description } : {}),
  };
  const answer = await ctx.http.call<CwTicket>({
    method: "POST",
    path: "/service/tickets",
    query: { fields: TICKET_FIELDS },
    body,
    subject: { what: "Ticket", permission: CW_PERMISSION.ticketsAdd },
  });
  if (!answer.data || typeof answer.data.id !== "number") throw new PsaError("upstream", "ConnectWise answered the new ticket without its id.");
  return toTicket(answer.data);
}
