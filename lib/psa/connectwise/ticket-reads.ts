import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwTicket } from "@/lib/psa/connectwise/cw-types";
import { toTicket } from "@/lib/psa/connectwise/mappers";
import { nextPage } from "@/lib/psa/connectwise/pagination";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import { ticketConditions } from "@/lib/psa/connectwise/ticket-conditions";
import type { PsaTicket, TicketPage, TicketQuery } from "@/lib/psa/provider";
import { PsaError } from "@/lib/psa/psa-error";

// What the mappers read; `_info` (dates) only comes back when asked for (§2.1).
export const TICKET_FIELDS = "id,summary,board,status,company,priority,contactName,owner,resources,closedFlag,_info";
// CW recommends URLs of at most ~2000 characters; longer queries go through POST …/search (§2.1).
const MAX_GET_URL = 2000;
const MAX_PAGE_SIZE = 1000;

/** The ticket as ConnectWise has it now (a fresh read, used for verification after writes). */
export async function readCwTicket(ctx: CwContext, ticketId: string): Promise<CwTicket> {
  const id = cwId(ticketId, "Ticket", "not_found");
  const answer = await ctx.http.call<CwTicket>({
    method: "GET",
    path: `/service/tickets/${id}`,
    query: { fields: TICKET_FIELDS },
    subject: { what: `Ticket ${id}`, permission: CW_PERMISSION.ticketsInquire },
  });
  if (!answer.data || typeof answer.data.id !== "number") throw new PsaError("upstream", `ConnectWise answered Ticket ${id} without a ticket.`);
  return answer.data;
}

/** G1: one ticket. Throws PsaError not_found when ConnectWise has no such ticket. */
export async function getTicket(ctx: CwContext, ticketId: string): Promise<PsaTicket> {
  return toTicket(await readCwTicket(ctx, ticketId));
}

/**
 * G2: one page of tickets matching `query`, newest first. `next_page` follows the Link header
 * (or a full page when there is none). A long query goes through POST /service/tickets/search.
 */
export async function searchTickets(ctx: CwContext, query: TicketQuery): Promise<TicketPage> {
  const conditions = ticketConditions(query);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 25)));
  const orderBy = "id desc";
  const subject = { what: "Tickets", permission: CW_PERMISSION.ticketsInquire };
  const getQuery = { conditions: conditions ?? undefined, orderBy, fields: TICKET_FIELDS, page, pageSize };
  const useSearch = ctx.http.urlFor("/service/tickets", getQuery).href.length > MAX_GET_URL;
  const answer = useSearch
    ? await ctx.http.call<CwTicket[]>({
        method: "POST",
        path: "/service/tickets/search",
        query: { fields: TICKET_FIELDS, page, pageSize },
        body: { conditions: conditions ?? "", orderBy },
        read: true,
        subject,
      })
    : await ctx.http.call<CwTicket[]>({ method: "GET", path: "/service/tickets", query: getQuery, subject });
  const rows = Array.isArray(answer.data) ? answer.data : [];
  return {
    items: rows.map(toTicket),
    next_page: nextPage({ link: answer.headers.link, requested: answer.url, page, received: rows.length, pageSize }),
  };
}
