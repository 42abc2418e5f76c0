import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwTicket } from "@/lib/psa/connectwise/cw-types";
import { listAllBoardStatuses } from "@/lib/psa/connectwise/list-reads";
import { toTicket } from "@/lib/psa/connectwise/mappers";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import { readCwTicket } from "@/lib/psa/connectwise/ticket-reads";
import type { PsaStatus, PsaTicket } from "@/lib/psa/provider";
import { isPsaError, PsaError } from "@/lib/psa/psa-error";

/**
 * G3: PATCHes the ticket's status, then re-reads the ticket: ConnectWise can answer 200 and keep
 * the old status (a status of another board is silently ignored). Resolves with the re-read
 * ticket only when its status is `statusId`; otherwise throws PsaError `rejected` with a message
 * for people. A PATCH refused with 400 because of the status gets the same message.
 */
export async function setTicketStatus(ctx: CwContext, ticketId: string, statusId: string): Promise<PsaTicket> {
  const ticketNumber = cwId(ticketId, "Ticket", "not_found");
  const target = cwId(statusId, "Status");
  try {
    await ctx.http.call({
      method: "PATCH",
      path: `/service/tickets/${ticketNumber}`,
      body: [{ op: "replace", path: "status", value: { id: target } }],
      subject: { what: `Ticket ${ticketNumber}`, permission: CW_PERMISSION.ticketsEdit },
    });
  } catch (error) {
    if (!(isPsaError(error) && error.psaStatus === 400)) throw error;
    const ticket = await readCwTicket(ctx, ticketId);
    const explained = await explainKeptStatus(ctx, ticket, target, error.message);
    throw explained.foreign ? explained.error : error;
  }
  const ticket = await readCwTicket(ctx, ticketId);
  if (ticket.status?.id === target) return toTicket(ticket);
  throw (await explainKeptStatus(ctx, ticket, target)).error;
}

/** Finds `statusId` on another board, to name it; null when it can't be found or read. */
async function findForeignStatus(ctx: CwContext, statusId: number, skipBoard: number | undefined): Promise<{ status: PsaStatus; boardName: string } | null> {
  try {
    const boards = await ctx.http.call<{ id: number; name: string }[]>({ method: "GET", path: "/service/boards", query: { fields: "id,name", pageSize: 1000 } });
    for (const board of (boards.data ?? []).slice(0, 25)) {
      if (board.id === skipBoard) continue;
      const status = (await listAllBoardStatuses(ctx, String(board.id))).find((candidate) => candidate.id === String(statusId));
      if (status) return { status, boardName: board.name };
    }
  } catch {
    // Naming the status is a courtesy; without permission the message says "status 202".
  }
  return null;
}

async function explainKeptStatus(ctx: CwContext, ticket: CwTicket, target: number, cwSaid?: string): Promise<{ error: PsaError; foreign: boolean }> {
  const current = ticket.status?.name ? `'${ticket.status.name}'` : "its current status";
  const boardName = ticket.board?.name ? `'${ticket.board.name}'` : "its board";
  const kept = `ConnectWise kept the ticket in ${current}`;
  const reason = cwSaid ? ` (${cwSaid})` : "";
  let boardStatuses: PsaStatus[] | null = null;
  try {
    if (ticket.board?.id) boardStatuses = await listAllBoardStatuses(ctx, String(ticket.board.id));
  } catch {
    boardStatuses = null;
  }
  if (!boardStatuses) {
    return { foreign: false, error: new PsaError("rejected", `${kept}: it did not apply status ${target}${reason}. Check that the status belongs to the ticket's board ${boardName}.`) };
  }
  const onBoard = boardStatuses.find((status) => status.id === String(target));
  if (onBoard) {
    const inactive = onBoard.inactive ? ` It is marked inactive on ${boardName}; pick an active status.` : "";
    return { foreign: false, error: new PsaError("rejected", `${kept}: it did not apply status '${onBoard.name}' (${target})${reason}.${inactive}`) };
  }
  const foreign = await findForeignStatus(ctx, target, ticket.board?.id);
  const named = foreign ? `status '${foreign.status.name}' (${target}, board '${foreign.boardName}')` : `status ${target}`;
  return { foreign: true, error: new PsaError("rejected", `${kept}: ${named} is not on this ticket's board ${boardName}. Pick a status of that board.`) };
}
