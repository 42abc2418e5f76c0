/**
 * Rules shared by ticket create and PATCH: a status must belong to the ticket's board (§4.3),
 * a closed status closes the ticket (closedFlag, closedDate, closedBy), every change stamps
 * `lastUpdated` / `updatedBy` with the API member.
 */
import type { SimContext } from "./context";
import { SIM_API_MEMBER } from "./credentials";
import { invalidObject, notFound, type CwHttpError } from "./http";
import type { SeedStatus } from "./seed";
import { cwNow, type TicketRecord } from "./state";

/** CW's 400 for a status that is not on the board (the wording observed on create). */
export function foreignStatusError(statusLabel: string, boardId: number): CwHttpError {
  return invalidObject("ticket", [{ code: "NotFound", message: `Service Status ${statusLabel} not found for Service Board ${boardId}`, field: "status" }]);
}

/** Sets the status and the closed fields it implies. */
export function applyStatus(ticket: TicketRecord, status: SeedStatus) {
  const wasClosed = ticket.closedFlag;
  ticket.statusId = status.id;
  ticket.closedFlag = status.closedStatus;
  if (status.closedStatus && !wasClosed) {
    ticket.closedDate = cwNow();
    ticket.closedBy = SIM_API_MEMBER.identifier;
  }
  if (!status.closedStatus) {
    ticket.closedDate = null;
    ticket.closedBy = null;
  }
}

export function touchTicket(ticket: TicketRecord) {
  ticket.lastUpdated = cwNow();
  ticket.updatedBy = SIM_API_MEMBER.identifier;
}

/** The ticket record for a path id, or CW's 404 `Ticket N not found`. */
export function requireTicket(context: SimContext, rawId: string | undefined): TicketRecord {
  const ticket = /^\d+$/.test(rawId ?? "") ? context.state.tickets.get(Number(rawId)) : undefined;
  if (!ticket) throw notFound(`Ticket ${rawId} not found`);
  return ticket;
}
