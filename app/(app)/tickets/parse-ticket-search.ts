import { searchTicketsInput, ticketIdParams, type SearchTicketsInput } from "@/lib/psa/ticket-schemas";
import type { TicketFilters } from "@/components/tickets/ticket-filters";

type RawParams = Record<string, string | string[] | undefined>;

export type ParsedTicketSearch = {
  search: SearchTicketsInput;
  /** The same, as the page's URL state (plus the open ticket). */
  filters: TicketFilters;
  ticketId: string | null;
  /** Why a parameter in the URL was ignored (hand-edited links), for a hint. */
  ignored: string[];
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const keys = ["board_id", "status_name", "company_id", "assigned", "q", "page"] as const;

/**
 * Reads the Tickets page's search parameters with the ticket routes' own schema, one parameter at
 * a time, so a bad one is dropped (and said) while the rest of the search still applies.
 */
export function parseTicketSearch(raw: RawParams): ParsedTicketSearch {
  const search: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const key of keys) {
    const parsed = searchTicketsInput.shape[key].safeParse(first(raw[key]));
    if (parsed.success) search[key] = parsed.data;
    else ignored.push(parsed.error.issues[0]?.message ?? `${key} was not understood.`);
  }
  const ticket = ticketIdParams.safeParse({ id: first(raw.ticket) ?? "" });
  if (first(raw.ticket) && !ticket.success) ignored.push("The ticket in the link is not a ticket number.");
  const valid = search as SearchTicketsInput;
  const ticketId = ticket.success ? ticket.data.id : null;
  return {
    search: valid,
    filters: {
      board_id: valid.board_id,
      status_name: valid.status_name,
      company_id: valid.company_id,
      assigned: valid.assigned === "all" ? undefined : valid.assigned,
      q: valid.q,
      page: valid.page && valid.page > 1 ? valid.page : undefined,
      ticket: ticketId ?? undefined,
    },
    ticketId,
    ignored,
  };
}
