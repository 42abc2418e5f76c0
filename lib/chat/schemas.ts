import { z } from "zod";
import { CHAT_MESSAGE_MAX_LENGTH, CHAT_MESSAGE_TOO_LONG } from "@/lib/chat/message-limit";

export const chatTurnInput = z.object({
  id: z.uuid("Session ids are UUIDs."),
  message: z.string().trim().min(1, "Write a message first.").max(CHAT_MESSAGE_MAX_LENGTH, CHAT_MESSAGE_TOO_LONG),
});
export type ChatTurnInput = z.infer<typeof chatTurnInput>;
