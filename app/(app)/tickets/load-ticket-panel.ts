import type { Viewer } from "@/lib/auth/viewer";
import { listPsaBoardStatuses } from "@/lib/psa/lists";
import { getPsaTicket } from "@/lib/psa/tickets/ticket-detail";
import { listPsaTicketNotes } from "@/lib/psa/tickets/ticket-notes";
import { listPsaTicketResources } from "@/lib/psa/tickets/ticket-resources";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import type { TicketPanelData } from "@/components/tickets/ticket-view-types";
import { settleList } from "@/app/(app)/tickets/settle-list";

/**
 * What the detail panel shows for one ticket, read through the ticket services: the ticket and
 * its linked sessions (a failure there throws: there is nothing to show), then its notes,
 * assignees and the statuses of its board, each of which may fail or degrade on its own.
 */
export async function loadTicketPanel(viewer: Viewer, ticketId: string): Promise<TicketPanelData> {
  const [detail, notes, resources] = await Promise.all([
    getPsaTicket(viewer, ticketId),
    settleList(() => listPsaTicketNotes(viewer, ticketId)),
    settleList(() => listPsaTicketResources(viewer, ticketId)),
  ]);
  const boardId = detail.ticket.board?.id;
  const statuses = boardId ? await settleList(() => listPsaBoardStatuses(viewer, boardId)) : { items: [] };
  return {
    ticket: detail.ticket,
    // The service selects the Prisma enum column; its type says string.
    linked_sessions: detail.linked_sessions.map((session) => ({ ...session, status: session.status as SessionStatus })),
    notes,
    resources,
    statuses,
  };
}
