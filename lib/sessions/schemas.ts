import { z } from "zod";

export const sessionIdParams = z.object({ id: z.uuid("Session ids are UUIDs.") });
export type SessionIdParams = z.infer<typeof sessionIdParams>;

export const listSessionsInput = z.object({
  status: z.enum(["active", "parked", "escalated", "requesting_escalation", "resolved"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;
