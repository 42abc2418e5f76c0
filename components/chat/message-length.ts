import { CHAT_MESSAGE_MAX_LENGTH } from "@/lib/chat/message-limit";

/** From this share of the server's limit on, the composer shows how much room is left. */
const NEAR_SHARE = 0.8;

export type LengthBand = "room" | "near" | "over";

/** How a draft stands against the limit; counted as the server counts it, after trimming. */
export function measureMessage(draft: string): { length: number; band: LengthBand } {
  const length = draft.trim().length;
  const band = length > CHAT_MESSAGE_MAX_LENGTH ? "over" : length >= CHAT_MESSAGE_MAX_LENGTH * NEAR_SHARE ? "near" : "room";
  return { length, band };
}
