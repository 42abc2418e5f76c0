/**
 * The PSA provider contract (SPEC G): what FlowPilot asks of any PSA. ConnectWise implements it
 * today; Autotask or HaloPSA plug in behind the same operations without touching callers.
 * Objects are in FlowPilot's own shape (snake_case, ids as text), the shape the REST API returns.
 * Every operation throws a `PsaError` (see psa-error.ts) for a PSA failure.
 */

export type PsaProviderKind = "connectwise";

export type PsaRef = { id: string; name: string };
export type PsaMemberRef = { id: string; identifier: string; name: string };
export type PsaCompanyRef = { id: string; identifier: string; name: string };

export type PsaTicket = {
  id: string;
  summary: string;
  board: PsaRef | null;
  status: PsaRef | null;
  company: PsaCompanyRef | null;
  priority: PsaRef | null;
  contact_name: string | null;
  /** The ticket's primary assignee. */
  owner: PsaMemberRef | null;
  /** Member identifiers of the ticket's co-assignees, as the PSA derives them. */
  resources: string[];
  closed: boolean;
  created_at: string | null;
  updated_at: string | null;
};

export type PsaBoard = { id: string; name: string; inactive: boolean };
export type PsaStatus = { id: string; name: string; board_id: string; closed: boolean; inactive: boolean; is_default: boolean; sort_order: number };
export type PsaPriority = { id: string; name: string; sort: number };
export type PsaMember = { id: string; identifier: string; name: string; email: string | null; inactive: boolean };
export type PsaCompany = PsaCompanyRef;

/**
 * G7: where a note shows. internal_analysis: members only (escalation packages);
 * customer_detail: the customer-facing discussion; resolution: customer-visible resolution.
 */
export type PsaNoteKind = "internal_analysis" | "customer_detail" | "resolution";
export type PsaNote = { id: string; ticket_id: string; text: string; kinds: PsaNoteKind[]; created_at: string | null; created_by: string | null };

export type TicketAssignment =
  | { kind: "all" }
  | { kind: "unassigned" }
  /** Owner or co-assignee is this member ("mine" resolves to the viewer's member first). */
  | { kind: "member"; member: Pick<PsaMemberRef, "id" | "identifier"> };

export type TicketQuery = {
  boardId?: string;
  /** Matches the status of that name on every board (G2). */
  statusName?: string;
  companyId?: string;
  assignment?: TicketAssignment;
  /** Free text over the summary (and the ticket number when it is one). Quoted by the provider. */
  text?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
};
export type TicketPage = { items: PsaTicket[]; next_page: number | null };

export type CreateTicketInput = {
  summary: string;
  board_id: string;
  company_id: string;
  status_id?: string;
  priority_id?: string;
  initial_description?: string;
};

/** G4: what an assignment change did. */
export type AssignmentChange = { changed: boolean; via: "owner" | "schedule_entry" | "none" };

export interface PsaProvider {
  readonly kind: PsaProviderKind;
  /** A harmless authenticated read; resolves with a line for people ("ConnectWise v2025.1 answered"). */
  testConnection(): Promise<{ message: string }>;
  getTicket(ticketId: string): Promise<PsaTicket>;
  searchTickets(query: TicketQuery): Promise<TicketPage>;
  createTicket(input: CreateTicketInput): Promise<PsaTicket>;
  listBoards(): Promise<PsaBoard[]>;
  /** Statuses are per board in ConnectWise; other PSAs may return their global list. */
  listBoardStatuses(boardId: string): Promise<PsaStatus[]>;
  listPriorities(): Promise<PsaPriority[]>;
  listMembers(): Promise<PsaMember[]>;
  listCompanies(search?: string): Promise<PsaCompany[]>;
  /**
   * G3: moves the ticket to `statusId` and re-reads it. Resolves with the re-read ticket only when
   * the status really changed; a PSA that answered OK but kept the old status is a PsaError
   * (`rejected`) whose message names both statuses and why.
   */
  setTicketStatus(ticketId: string, statusId: string): Promise<PsaTicket>;
  listNotes(ticketId: string): Promise<PsaNote[]>;
  addNote(ticketId: string, note: { kind: PsaNoteKind; text: string }): Promise<PsaNote>;
  /** G4: owner plus co-assignees, deduped by member. */
  listResources(ticketId: string): Promise<PsaMemberRef[]>;
  addResource(ticketId: string, member: PsaMemberRef): Promise<AssignmentChange>;
  removeResource(ticketId: string, memberId: string): Promise<AssignmentChange>;
}
