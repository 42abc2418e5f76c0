import { z } from "zod";
import { invalid } from "@/lib/errors";

const MAX_EVENT_ID = 2n ** 63n - 1n;

/** An SSE event id: a PostgreSQL bigint in decimal digits. */
export const eventId = z.string().refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_EVENT_ID, "Must be an event id (digits).");

/** Query of the escalation stream: `last_event_id` stands in for the header where it can't be set. */
export const escalationStreamInput = z.object({ last_event_id: eventId.optional() });

/**
 * Where a reconnecting client resumes: the `Last-Event-ID` header (what EventSource sends), else
 * the `last_event_id` query value. Throws invalid for a header that is not an event id.
 */
export function resumeEventId(header: string | null, query: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return query;
  if (!eventId.safeParse(value).success) throw invalid("The Last-Event-ID header must be an event id (digits).");
  return value;
}
