import { z } from "zod";

export const chatTurnInput = z.object({
  id: z.uuid("Session ids are UUIDs."),
  message: z.string().trim().min(1, "Write a message first.").max(20_000, "Keep a message under 20,000 characters."),
});
export type ChatTurnInput = z.infer<typeof chatTurnInput>;
