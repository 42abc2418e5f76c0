import type { Viewer } from "@/lib/auth/viewer";
import { listPsaBoards, listPsaBoardStatuses, listPsaCompanies, listPsaMembers, listPsaPriorities, listPsaStatusNames } from "@/lib/psa/lists";
import type { SearchTicketsInput } from "@/lib/psa/ticket-schemas";
import { searchPsaTickets } from "@/lib/psa/tickets/search-tickets";
import type { TicketPageLists, TicketResults } from "@/components/tickets/ticket-view-types";
import { failureMessage, settleList } from "@/app/(app)/tickets/settle-list";

/** Status names for the filter: the board's own active statuses in its order, or every board's by name. */
async function loadStatusNames(viewer: Viewer, boardId: string | undefined) {
  if (!boardId) return listPsaStatusNames(viewer);
  const list = await listPsaBoardStatuses(viewer, boardId);
  const names = list.items
    .filter((status) => !status.inactive)
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((status) => status.name);
  return { items: [...new Set(names)].map((name) => ({ name })), warning: list.warning };
}

/**
 * The pick lists of the filter bar and the New ticket dialog, in parallel. Each degrades on its
 * own (G5 warning, or the failure's message), so the page always renders. Priorities are only
 * read for people who may create tickets.
 */
export async function loadTicketLists(viewer: Viewer, search: SearchTicketsInput, canWrite: boolean): Promise<TicketPageLists> {
  const [boards, statuses, members, companies, priorities] = await Promise.all([
    settleList(() => listPsaBoards(viewer)),
    settleList(() => loadStatusNames(viewer, search.board_id)),
    settleList(() => listPsaMembers(viewer)),
    settleList(() => listPsaCompanies(viewer)),
    canWrite ? settleList(() => listPsaPriorities(viewer)) : Promise.resolve({ items: [] }),
  ]);
  return { boards, statuses, members, companies, priorities };
}

/** One page of results; a failed search is its message (shown in place of the table), not a failed page. */
export async function loadTicketResults(viewer: Viewer, search: SearchTicketsInput): Promise<TicketResults> {
  try {
    const page = await searchPsaTickets(viewer, search);
    return { items: page.items, next_page: page.next_page, ...(page.warning ? { warning: page.warning } : {}) };
  } catch (error) {
    return { items: [], next_page: null, error: failureMessage(error) };
  }
}
