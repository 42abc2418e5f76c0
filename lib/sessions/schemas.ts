import { z } from "zod";

export const sessionIdParams = z.object({ id: z.uuid("Session ids are UUIDs.") });
export type SessionIdParams = z.infer<typeof sessionIdParams>;

export const sessionStatuses = ["active", "parked", "escalated", "requesting_escalation", "resolved"] as const;
export const SESSION_PAGE_SIZE = 25;
/** `updated`: recently updated first; `oldest`: least recently updated first; `title`: A–Z. */
export const sessionSorts = ["updated", "oldest", "title"] as const;
export type SessionSort = (typeof sessionSorts)[number];

/** Free-text search over title, company and ticket; blank means no search. */
export const listSearchText = z
  .string()
  .trim()
  .max(200, "Keep the search under 200 characters.")
  .optional()
  .transform((text) => text || undefined);

/** 1-based page of a list; capped so `skip` stays bounded. */
export const listPage = z.coerce
  .number("The page is a whole number.")
  .int("The page is a whole number.")
  .min(1, "Pages start at 1.")
  .max(10_000, "The page is at most 10,000.")
  .default(1);

/** `GET /api/v1/ai-sessions?q=&status=&sort=&page=&limit=` and the `/pilot` page's URL state. */
export const listSessionsInput = z.object({
  q: listSearchText,
  status: z.enum(sessionStatuses, "Status is active, parked, escalated, requesting_escalation or resolved.").optional(),
  sort: z.enum(sessionSorts, "Sort is updated, oldest or title.").default("updated"),
  page: listPage,
  limit: z.coerce
    .number("The limit is a whole number.")
    .int("The limit is a whole number.")
    .min(1, "The limit is at least 1.")
    .max(100, "The limit is at most 100.")
    .default(SESSION_PAGE_SIZE),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const createSessionInput = z.object({
  title: z.string().trim().min(1, "Give the session a title.").max(200, "Keep the title under 200 characters."),
  psa_ticket_id: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, "Ticket ids are numbers.")
    .optional(),
  company_name: z.string().trim().max(200).optional(),
  /** B2 [FORK]: the session this one was split from, with what the new one is about. */
  forked_from_id: z.uuid().optional(),
  fork_summary: z.string().trim().max(2000).optional(),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;
