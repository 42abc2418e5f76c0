import type { PsaConnectionConfig } from "@/lib/psa/connection-config";
import type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
import type { CwContext } from "@/lib/psa/connectwise/cw-context";
import { createCwHttp } from "@/lib/psa/connectwise/cw-http";
import { listBoards, listBoardStatuses, listCompanies, listMembers, listPriorities } from "@/lib/psa/connectwise/list-reads";
import { createTicket } from "@/lib/psa/connectwise/ticket-create";
import { addNote, listNotes } from "@/lib/psa/connectwise/ticket-notes";
import { getTicket, searchTickets } from "@/lib/psa/connectwise/ticket-reads";
import { addResource, listResources, removeResource } from "@/lib/psa/connectwise/ticket-resources";
import { setTicketStatus } from "@/lib/psa/connectwise/ticket-status";
import { testConnection } from "@/lib/psa/connectwise/test-connection";
import type { PsaProvider } from "@/lib/psa/provider";

export type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
// The static site check (no DNS) for the Settings form's schema: a refused site is a 422 at save time.
export { connectWiseSiteProblem } from "@/lib/psa/connectwise/site-url";

/**
 * The ConnectWise PSA provider for one connection. The site URL is checked here (https, a public
 * address pinned for this instance's life, no redirects; OUTBOUND_ALLOW_HOSTS lets tests reach
 * loopback) and a refused site makes every operation throw PsaError `invalid`. Every operation
 * throws PsaError on failure (see cw-errors.ts for the mapping); reads are retried on 429/5xx,
 * writes never. Create one per request or per account: it caches the pinned address and the
 * schedule type, nothing else.
 */
export function createConnectWiseProvider(config: PsaConnectionConfig, options: ConnectWiseOptions = {}): PsaProvider {
  const ctx: CwContext = { http: createCwHttp(config, options), options };
  return {
    kind: "connectwise",
    testConnection: () => testConnection(ctx),
    getTicket: (ticketId) => getTicket(ctx, ticketId),
    searchTickets: (query) => searchTickets(ctx, query),
    createTicket: (input) => createTicket(ctx, input),
    listBoards: () => listBoards(ctx),
    listBoardStatuses: (boardId) => listBoardStatuses(ctx, boardId),
    listPriorities: () => listPriorities(ctx),
    listMembers: () => listMembers(ctx),
    listCompanies: (search) => listCompanies(ctx, search),
    setTicketStatus: (ticketId, statusId) => setTicketStatus(ctx, ticketId, statusId),
    listNotes: (ticketId) => listNotes(ctx, ticketId),
    addNote: (ticketId, note) => addNote(ctx, ticketId, note),
    listResources: (ticketId) => listResources(ctx, ticketId),
    addResource: (ticketId, member) => addResource(ctx, ticketId, member),
    removeResource: (ticketId, memberId) => removeResource(ctx, ticketId, memberId),
  };
}
