/**
 * The Tickets page's URL state (board_id, status_name, company_id, assigned, q, page, ticket):
 * the same names as GET /api/v1/psa/tickets, so a link copied from the address bar is the search.
 */
export type TicketFilters = {
  board_id?: string;
  status_name?: string;
  company_id?: string;
  /** "all" (the default), "mine", "unassigned" or a PSA member id. */
  assigned?: string;
  q?: string;
  page?: number;
  /** The ticket open in the detail panel. */
  ticket?: string;
};

export type TicketFilterKey = keyof TicketFilters;

const ORDER: TicketFilterKey[] = ["board_id", "status_name", "company_id", "assigned", "q", "page", "ticket"];

/** Reads the filters from URL search params, dropping empty values and the defaults. */
export function readTicketFilters(params: URLSearchParams): TicketFilters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const page = Number(params.get("page"));
  const assigned = text("assigned");
  return {
    board_id: text("board_id"),
    status_name: text("status_name"),
    company_id: text("company_id"),
    assigned: assigned === "all" ? undefined : assigned,
    q: text("q"),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    ticket: text("ticket"),
  };
}

/** `/tickets?…` for these filters, in a stable order, without empty values or defaults. */
export function ticketsHref(filters: TicketFilters): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value === undefined || value === "") continue;
    if (key === "assigned" && value === "all") continue;
    if (key === "page" && Number(value) <= 1) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/tickets?${query}` : "/tickets";
}

/** True when any search filter (not paging or the open ticket) is set. */
export function hasSearchFilters(filters: TicketFilters): boolean {
  return Boolean(filters.board_id || filters.status_name || filters.company_id || filters.assigned || filters.q);
}
