import { z } from "zod";
import { sessionIdParams } from "@/lib/sessions/schemas";

const reason = z
  .string("Say why you are handing the session off.")
  .trim()
  .min(1, "Say why you are handing the session off.")
  .max(2000, "Keep the reason under 2,000 characters.");
const targetUserId = z.uuid("The target user id is a UUID.").optional();
/** The engineer's edit of the escalation package; left out, the current preview is used. */
const packageMarkdown = z
  .string("The package is text.")
  .trim()
  .min(1, "The escalation package is empty; write something or leave it out to use the preview.")
  .max(50_000, "Keep the escalation package under 50,000 characters.")
  .optional();

/** F1–F2: `POST /ai-sessions/:id/handoff`. */
export const createHandoffInput = sessionIdParams.extend({
  intent: z.enum(["escalate", "park"], "The intent is escalate or park."),
  reason,
  target_user_id: targetUserId,
  package_markdown: packageMarkdown,
});
export type CreateHandoffInput = z.infer<typeof createHandoffInput>;

/** F1: the legacy `POST /ai-sessions/:id/escalate` (always intent escalate). */
export const escalateSessionInput = sessionIdParams.extend({ reason, target_user_id: targetUserId, package_markdown: packageMarkdown });
export type EscalateSessionInput = z.infer<typeof escalateSessionInput>;

/** F6: `POST /ai-sessions/:id/handoffs/:hid/claim`. */
export const claimHandoffInput = sessionIdParams.extend({ hid: z.uuid("Handoff ids are UUIDs.") });
export type ClaimHandoffInput = z.infer<typeof claimHandoffInput>;
