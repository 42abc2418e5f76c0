"use server";

import { revalidatePath } from "next/cache";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { claimHandoffInput } from "@/lib/handoffs/schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";

/**
 * F6–F7: picks up a teammate's escalation. A lost race comes back as the server's message
 * ("Already picked up by …"), which the queue and the pickup screen show as is.
 */
export const claimHandoffAction = engineerOrAdminAction.inputSchema(claimHandoffInput).action(async ({ parsedInput, ctx }) => {
  const result = await claimHandoff(ctx.viewer, { sessionId: parsedInput.id, handoffId: parsedInput.hid });
  revalidatePath("/", "layout");
  return { sessionId: result.session.id };
});
