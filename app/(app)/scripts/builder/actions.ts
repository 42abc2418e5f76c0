"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { engineerOrAdminAction } from "@/lib/safe-action";
import { createBuilderSession, deleteBuilderSession } from "@/lib/script-builder/builder-sessions";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { builderLanguage, builderSessionParams, inlineBuilderParams, submitBuilderScriptInput } from "@/lib/script-builder/schemas";
import { submitBuilderScript } from "@/lib/script-builder/submit-to-fix";

/** H4: a new standalone builder session; the page then opens it. The cap's refusal comes back as the server's message. */
export const createBuilderSessionAction = engineerOrAdminAction
  .inputSchema(z.object({ language: builderLanguage, title: z.string().trim().max(200).optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const session = await createBuilderSession(ctx.viewer, parsedInput);
    revalidatePath("/scripts/builder");
    return { id: session.id };
  });

/** Deletes one of my builder sessions (frees a slot under the cap). */
export const deleteBuilderSessionAction = engineerOrAdminAction.inputSchema(builderSessionParams).action(async ({ parsedInput, ctx }) => {
  const result = await deleteBuilderSession(ctx.viewer, parsedInput.id);
  revalidatePath("/scripts/builder");
  return result;
});

/** The pilot page's inline builder, created on first open. */
export const openInlineBuilderAction = engineerOrAdminAction.inputSchema(inlineBuilderParams).action(({ parsedInput, ctx }) =>
  getOrCreateInlineBuilder(ctx.viewer, parsedInput.id),
);

/** "Submit to fix" (D6): the fix card shows the script once the pilot page re-renders. */
export const submitBuilderScriptAction = engineerOrAdminAction.inputSchema(submitBuilderScriptInput).action(async ({ parsedInput, ctx }) => {
  const fix = await submitBuilderScript(ctx.viewer, parsedInput);
  revalidatePath(`/pilot/${fix.session_id}`);
  return fix;
});
