import { toErrorResponseParts } from "@/lib/http/error-body";
import type { ListResult } from "@/components/tickets/ticket-view-types";

/** The message a person sees for a failed read: an AppError's own words (a PSA's included), else a generic line (logged). */
export function failureMessage(error: unknown): string {
  return toErrorResponseParts(error).body.error.message;
}

/**
 * A PSA list for the page, never a thrown error: the list (with its G5 warning) when it loaded,
 * or no items and the server's message when it failed, so one list can't fail the page.
 */
export async function settleList<T>(load: () => Promise<{ items: T[]; warning?: string }>): Promise<ListResult<T>> {
  try {
    const list = await load();
    return list.warning ? { items: list.items, warning: list.warning } : { items: list.items };
  } catch (error) {
    return { items: [], error: failureMessage(error) };
  }
}
