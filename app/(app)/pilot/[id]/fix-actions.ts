"use server";

import { revalidatePath } from "next/cache";
import { decideFix } from "@/lib/fixes/fix-decision";
import { decideFixInput } from "@/lib/fixes/schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";

/*
 * D2 from the pilot page's three-option dialog: how the engineer keeps the fix's script. Separate
 * from actions.ts (the page's other writes, Dismiss included) so the script pieces stay together.
 * The same service as POST …/suggested-fixes/:fid/decision; it checks the viewer works the session.
 */

const keepScriptInput = decideFixInput.extend({
  decision: decideFixInput.shape.decision.exclude(["dismissed"], "Choose one-off, draft template or build template."),
});

/**
 * one_off returns the script to run; draft_template also queues a draft template (H3 extraction);
 * build_template returns the builder path to open. A queued draft changes the sidebar's pending
 * drafts badge, which the layout renders, so the whole layout is revalidated then.
 */
export const keepFixScriptAction = engineerOrAdminAction.inputSchema(keepScriptInput).action(async ({ parsedInput, ctx }) => {
  const result = await decideFix(ctx.viewer, parsedInput);
  revalidatePath(`/pilot/${parsedInput.id}`);
  revalidatePath("/pilot");
  if (result.draft_template_id) revalidatePath("/", "layout");
  return result;
});
