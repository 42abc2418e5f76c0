import { z } from "zod";
import { sessionIdParams } from "@/lib/sessions/schemas";

const reason = z
  .string("Say why you are handing the session off.")
  .trim()
  .min(1, "Say why you are handing the session off.")
  .max(2000, "Keep the reason under 2,000 characters.");
const targetUserId = z.uuid("The target user id is a UUID.").optional();

/** F1–F2: `POST /ai-sessions/:id/handoff`. */
export const createHandoffInput = sessionIdParams.extend({
  intent: z.enum(["escalate", "park"], "The intent is escalate or park."),
  reason,
  target_user_id: targetUserId,
});
export type CreateHandoffInput = z.infer<typeof createHandoffInput>;

/** F1: the legacy `POST /ai-sessions/:id/escalate` (always intent escalate). */
export const escalateSessionInput = sessionIdParams.extend({ reason, target_user_id: targetUserId });
export type EscalateSessionInput = z.infer<typeof escalateSessionInput>;

/** F6: `POST /ai-sessions/:id/handoffs/:hid/claim`. */
export const claimHandoffInput = sessionIdParams.extend({ hid: z.uuid("Handoff ids are UUIDs.") });
export type ClaimHandoffInput = z.infer<typeof claimHandoffInput>;
