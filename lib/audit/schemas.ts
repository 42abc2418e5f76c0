import { z } from "zod";

export const AUDIT_PAGE_SIZE = 20;

/** `GET /api/v1/audit-events?page=` (1-based pages of 20, newest first). */
export const listAuditEventsInput = z.object({
  page: z.coerce
    .number("The page is a whole number.")
    .int("The page is a whole number.")
    .min(1, "Pages start at 1.")
    .max(10_000, "The page is at most 10,000.")
    .default(1),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;
