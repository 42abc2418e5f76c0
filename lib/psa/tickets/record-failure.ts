import { AppError } from "@/lib/errors";

/** What a failed PSA write says on the timeline: the PSA's own message, or a generic line for a bug. */
export function failureDetail(action: string, error: unknown): string {
  return error instanceof AppError ? error.message : `${action} failed unexpectedly; see the server log.`;
}
