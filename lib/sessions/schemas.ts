import { z } from "zod";

export const sessionIdParams = z.object({ id: z.uuid("Session ids are UUIDs.") });
export type SessionIdParams = z.infer<typeof sessionIdParams>;

export const listSessionsInput = z.object({
  status: z.enum(["active", "parked", "escalated", "requesting_escalation", "resolved"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
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
