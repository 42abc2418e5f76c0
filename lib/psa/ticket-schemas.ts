import { z } from "zod";

/**
 * Inputs of the PSA ticket routes and actions (SPEC G2–G7). Ids are the PSA's own, as digit
 * strings; a query parameter sent empty (`?board_id=`) counts as absent. Anything else that
 * doesn't parse is a 422 before a request reaches the PSA.
 */

/** "" and whitespace-only values are "not given": forms and the URLs send empty parameters. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const psaId = (what: string) =>
  z
    .string(`Send the ${what} id as a number.`)
    .trim()
    .regex(/^\d{1,12}$/, `The ${what} id must be a number (digits only).`);

export const ticketIdParams = z.object({ id: psaId("ticket") });
export type TicketIdParams = z.infer<typeof ticketIdParams>;

export const boardIdParams = z.object({ id: psaId("board") });
export type BoardIdParams = z.infer<typeof boardIdParams>;

/** Lists that take nothing (boards, priorities, members). */
export const noInput = z.object({});

export const listCompaniesInput = z.object({
  q: optional(z.string().trim().max(100, "Keep the company search under 100 characters.")),
});
export type ListCompaniesInput = z.infer<typeof listCompaniesInput>;

/** all | mine | unassigned | a member id. */
export const assignedFilter = z
  .string()
  .trim()
  .regex(/^(all|mine|unassigned|\d{1,12})$/, 'assigned is "all", "mine", "unassigned" or a member id.');
export type AssignedFilter = z.infer<typeof assignedFilter>;

/** G2. Defaults (assigned "all", page 1) are the service's, so callers may omit them. */
export const searchTicketsInput = z.object({
  board_id: optional(psaId("board")),
  status_name: optional(z.string().trim().max(100, "Keep the status name under 100 characters.")),
  company_id: optional(psaId("company")),
  assigned: optional(assignedFilter),
  q: optional(z.string().trim().max(200, "Keep the search text under 200 characters.")),
  page: optional(
    z.coerce
      .number("page is a number.")
      .int("page is a whole number.")
      .min(1, "page starts at 1.")
      .max(10_000, "page can be at most 10000."),
  ),
});
export type SearchTicketsInput = z.infer<typeof searchTicketsInput>;

const summary = z
  .string("Give the ticket a summary.")
  .trim()
  .min(1, "Give the ticket a summary.")
  .max(100, "ConnectWise keeps summaries under 100 characters; shorten it.");

/** G6. */
export const createTicketInput = z.object({
  summary,
  board_id: psaId("board"),
  company_id: psaId("company"),
  status_id: optional(psaId("status")),
  priority_id: optional(psaId("priority")),
  initial_description: optional(z.string().trim().max(10_000, "Keep the description under 10000 characters.")),
});
export type CreateTicketInput = z.infer<typeof createTicketInput>;

/** G6: a ticket made from a session; the summary defaults to the session title. */
export const spinOffTicketInput = z.object({
  summary: optional(summary),
  board_id: psaId("board"),
  company_id: psaId("company"),
  priority_id: optional(psaId("priority")),
});
export type SpinOffTicketInput = z.infer<typeof spinOffTicketInput>;
export const spinOffTicketRouteInput = spinOffTicketInput.extend({ id: z.uuid("Session ids are UUIDs.") });

/** G3. */
export const changeTicketStatusInput = ticketIdParams.extend({ status_id: psaId("status") });
export type ChangeTicketStatusInput = z.infer<typeof changeTicketStatusInput>;

/** G7. */
export const ticketNoteFields = z.object({
  kind: z.enum(["internal_analysis", "customer_detail", "resolution"], 'kind is "internal_analysis", "customer_detail" or "resolution".'),
  text: z
    .string("Write the note.")
    .trim()
    .min(1, "Write the note; it can't be empty.")
    .max(10_000, "Keep a note under 10000 characters."),
});
export type TicketNoteFields = z.infer<typeof ticketNoteFields>;
export const addTicketNoteInput = ticketIdParams.extend(ticketNoteFields.shape);

/** G4: add a member by id (body) or remove one (path). */
export const ticketResourceInput = ticketIdParams.extend({ member_id: psaId("member") });
export type TicketResourceInput = z.infer<typeof ticketResourceInput>;
