import type { SessionStatus } from "@/lib/generated/prisma/enums";
import type { PsaBoard, PsaCompany, PsaMember, PsaMemberRef, PsaNote, PsaPriority, PsaStatus, PsaTicket } from "@/lib/psa/provider";

/**
 * A PSA list as the Tickets page shows it: the items, the G5 `warning` when the PSA key may not
 * read it (items empty, the page still works), or `error` with the server's message when the
 * call failed outright.
 */
export type ListResult<T> = { items: T[]; warning?: string; error?: string };

export type StatusNameOption = { name: string };

/** What the page loads once for its filter bar and dialogs. */
export type TicketPageLists = {
  boards: ListResult<PsaBoard>;
  /** By name across boards without a board filter, else that board's statuses. */
  statuses: ListResult<StatusNameOption>;
  members: ListResult<PsaMember>;
  companies: ListResult<PsaCompany>;
  priorities: ListResult<PsaPriority>;
};

export type TicketResults = { items: PsaTicket[]; next_page: number | null; warning?: string; error?: string };

export type LinkedSession = { id: string; title: string; status: SessionStatus };

/** Everything the detail panel shows for one ticket; each part fails on its own. */
export type TicketPanelData = {
  ticket: PsaTicket;
  linked_sessions: LinkedSession[];
  notes: ListResult<PsaNote>;
  resources: ListResult<PsaMemberRef>;
  statuses: ListResult<PsaStatus>;
};

/** The panel for a `?ticket=` id: its data, or the server's reason it could not be read. */
export type TicketPanelLoad = { ticketId: string; data: TicketPanelData | null; error?: string };
