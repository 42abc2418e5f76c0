import type { Viewer } from "@/lib/auth/viewer";
import { isPsaError } from "@/lib/psa/psa-error";

/** A PSA list as the API returns it: PSA lists are read whole, so there is never a next page. */
export type PsaList<T> = { items: T[]; next_page: null; warning?: string };

/** The lists a PSA key may lack the permission for, as people name them in a warning. */
export type PsaListName = "boards" | "statuses" | "priorities" | "members" | "companies" | "resources";

const permissionHint: Record<PsaListName, string> = {
  boards: "Service Desk › Service Boards",
  statuses: "Service Desk › Service Boards",
  priorities: "Service Desk › Priorities",
  members: "System › Member Maintenance",
  companies: "Company › Company Maintenance",
  resources: "Service Desk › Resource Scheduling",
};

/**
 * G5: loads a list, and when the PSA says the key may not read it (PsaError forbidden) degrades to
 * an empty list with a warning a person can act on, logging `psa.list_forbidden`, so a page that
 * shows the list still renders. Every other failure propagates.
 */
export async function loadPsaList<T>(viewer: Viewer, list: PsaListName, load: () => Promise<T[]>): Promise<PsaList<T>> {
  try {
    return { items: await load(), next_page: null };
  } catch (error) {
    if (!isPsaError(error) || error.failure !== "forbidden") throw error;
    console.warn(JSON.stringify({ event: "psa.list_forbidden", account_id: viewer.accountId, list, message: error.message }));
    return {
      items: [],
      next_page: null,
      warning: `The PSA key may not read ${list}, so this list is empty (${error.message}). Give the API member's security role Inquire on ${permissionHint[list]}.`,
    };
  }
}
