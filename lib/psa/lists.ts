import type { Viewer } from "@/lib/auth/viewer";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaBoard, PsaCompany, PsaMember, PsaPriority, PsaStatus } from "@/lib/psa/provider";
import { loadPsaList, type PsaList } from "@/lib/psa/tickets/degrade-list";

export type { PsaList } from "@/lib/psa/tickets/degrade-list";

/** A status name as the cross-board filter offers it (G2): one entry per name, with where it exists. */
export type PsaStatusName = { name: string; board_ids: string[]; status_ids: string[] };

/*
 * The PSA's pick lists (G5), read from the viewer's own account's PSA. Each resolves
 * `{ items, next_page: null }`; when the key lacks the permission for the list it resolves empty
 * with a `warning` (and logs `psa.list_forbidden`) instead of failing the page. They throw
 * conflict (409) when the account has no PSA connection, and any other PsaError as it is.
 */

/** The PSA's service boards, inactive ones included (flagged), in the PSA's order. */
export async function listPsaBoards(viewer: Viewer): Promise<PsaList<PsaBoard>> {
  const provider = await requirePsaProvider(viewer.accountId);
  return loadPsaList(viewer, "boards", () => provider.listBoards());
}

/** The statuses of one board, looked up directly per board (G2). A board the PSA lacks is not_found. */
export async function listPsaBoardStatuses(viewer: Viewer, boardId: string): Promise<PsaList<PsaStatus>> {
  const provider = await requirePsaProvider(viewer.accountId);
  return loadPsaList(viewer, "statuses", () => provider.listBoardStatuses(boardId));
}

/**
 * Status names across every active board, deduped by name case-insensitively (the PSA compares
 * status names that way), for the "status by name" filter when no board is picked.
 */
export async function listPsaStatusNames(viewer: Viewer): Promise<PsaList<PsaStatusName>> {
  const provider = await requirePsaProvider(viewer.accountId);
  const boards = await loadPsaList(viewer, "boards", () => provider.listBoards());
  if (boards.warning) return { items: [], next_page: null, warning: boards.warning };
  return loadPsaList(viewer, "statuses", async () => {
    const byName = new Map<string, PsaStatusName>();
    for (const board of boards.items.filter((entry) => !entry.inactive)) {
      for (const status of await provider.listBoardStatuses(board.id)) {
        if (status.inactive) continue;
        const key = status.name.trim().toLowerCase();
        const entry = byName.get(key) ?? { name: status.name.trim(), board_ids: [], status_ids: [] };
        if (!entry.board_ids.includes(board.id)) entry.board_ids.push(board.id);
        entry.status_ids.push(status.id);
        byName.set(key, entry);
      }
    }
    const byId = (x: string, y: string) => Number(x) - Number(y) || x.localeCompare(y);
    return [...byName.values()].map((entry) => ({ ...entry, board_ids: entry.board_ids.sort(byId), status_ids: entry.status_ids.sort(byId) }));
  });
}

/** The PSA's ticket priorities. */
export async function listPsaPriorities(viewer: Viewer): Promise<PsaList<PsaPriority>> {
  const provider = await requirePsaProvider(viewer.accountId);
  return loadPsaList(viewer, "priorities", () => provider.listPriorities());
}

/** The PSA's members, for assignment pickers and "mine". */
export async function listPsaMembers(viewer: Viewer): Promise<PsaList<PsaMember>> {
  const provider = await requirePsaProvider(viewer.accountId);
  return loadPsaList(viewer, "members", () => provider.listMembers());
}

/** The PSA's companies, optionally those whose name matches `search` (quoted by the provider). */
export async function listPsaCompanies(viewer: Viewer, search?: string): Promise<PsaList<PsaCompany>> {
  const provider = await requirePsaProvider(viewer.accountId);
  const term = search?.trim() || undefined;
  return loadPsaList(viewer, "companies", () => provider.listCompanies(term));
}
