/** The API's route table: method + path pattern (below `/v4_6_release/apis/3.0`) → handler. */
import type { Handler } from "./context";
import * as lists from "./lists";
import * as notes from "./notes";
import * as schedule from "./schedule";
import { patchTicket } from "./ticket-patch";
import * as tickets from "./tickets";

type Route = { method: string; pattern: RegExp; handler: Handler };

const ID = "(\\d+)";
const route = (method: string, path: string, handler: Handler): Route => ({ method, pattern: new RegExp(`^${path.replaceAll(":id", ID)}/?$`, "i"), handler });

export const ROUTES: readonly Route[] = [
  route("GET", "/system/info", lists.systemInfo),
  route("GET", "/service/tickets", tickets.listTickets),
  route("POST", "/service/tickets", tickets.createTicket),
  route("GET", "/service/tickets/count", tickets.countTickets),
  route("POST", "/service/tickets/search", tickets.searchTickets),
  route("GET", "/service/tickets/:id", tickets.getTicket),
  route("PATCH", "/service/tickets/:id", patchTicket),
  route("GET", "/service/tickets/:id/notes", notes.listNotes),
  route("POST", "/service/tickets/:id/notes", notes.createNote),
  route("GET", "/service/tickets/:id/notes/count", notes.countNotes),
  route("GET", "/service/tickets/:id/notes/:id", notes.getNote),
  route("GET", "/service/tickets/:id/allNotes", notes.listAllNotes),
  route("GET", "/service/tickets/:id/scheduleentries", schedule.listTicketEntries),
  route("GET", "/service/boards", lists.listBoards),
  route("GET", "/service/boards/count", lists.countBoards),
  route("GET", "/service/boards/:id", lists.getBoard),
  route("GET", "/service/boards/:id/statuses", lists.listBoardStatuses),
  route("GET", "/service/boards/:id/statuses/count", lists.countBoardStatuses),
  route("GET", "/service/boards/:id/statuses/:id", lists.getBoardStatus),
  route("GET", "/service/statuses", lists.listAllStatuses),
  route("GET", "/service/priorities", lists.listPriorities),
  route("GET", "/service/priorities/count", lists.countPriorities),
  route("GET", "/service/priorities/:id", lists.getPriority),
  route("GET", "/system/members", lists.listMembers),
  route("GET", "/system/members/count", lists.countMembers),
  route("GET", "/system/members/:id", lists.getMember),
  route("GET", "/company/companies", lists.listCompanies),
  route("GET", "/company/companies/count", lists.countCompanies),
  route("GET", "/company/companies/:id", lists.getCompany),
  route("GET", "/schedule/entries", schedule.listEntries),
  route("POST", "/schedule/entries", schedule.createEntry),
  route("GET", "/schedule/entries/count", schedule.countEntries),
  route("GET", "/schedule/entries/:id", schedule.getEntry),
  route("PATCH", "/schedule/entries/:id", schedule.patchEntry),
  route("DELETE", "/schedule/entries/:id", schedule.deleteEntry),
  route("GET", "/schedule/types", schedule.listScheduleTypes),
];

/** The handler and path parameters for a request, `"method"` when only the method is wrong, or null. */
export function matchRoute(method: string, path: string): { handler: Handler; params: string[] } | "method" | null {
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method === method) return { handler: candidate.handler, params: match.slice(1) };
  }
  return pathMatched ? "method" : null;
}
