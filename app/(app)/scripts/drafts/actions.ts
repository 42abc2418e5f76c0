"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updatePreferences } from "@/lib/accounts/preferences";
import { engineerOrAdminAction, ownerOrAdminAction, signedInAction } from "@/lib/safe-action";
import { acceptDraftTemplate } from "@/lib/scripts/drafts/accept-draft";
import { rejectDraftTemplate } from "@/lib/scripts/drafts/reject-draft";
import { acceptDraftTemplateRequest, draftTemplateParams } from "@/lib/scripts/drafts/schemas";
import { getTemplatizeOffer } from "@/lib/scripts/drafts/templatize-offer";
import { listScriptCategories } from "@/lib/scripts/templates/categories";

/** Revalidating the layout re-renders the shell, so the sidebar's pending-drafts badge follows. */
const refreshShell = () => revalidatePath("/", "layout");

/** H5: promotes a draft to a team template, with the reviewer's edits. */
export const acceptDraftTemplateAction = engineerOrAdminAction
  .inputSchema(acceptDraftTemplateRequest)
  .action(async ({ parsedInput: { id, ...edits }, ctx }) => {
    const result = await acceptDraftTemplate(ctx.viewer, id, edits);
    refreshShell();
    return result;
  });

/** H5: rejects a draft; nothing reaches the library. */
export const rejectDraftTemplateAction = engineerOrAdminAction.inputSchema(draftTemplateParams).action(async ({ parsedInput, ctx }) => {
  const draft = await rejectDraftTemplate(ctx.viewer, parsedInput.id);
  refreshShell();
  return draft;
});

/**
 * The templatize-after-resolve offer of a session (its pending drafts when the viewer should be
 * asked), with the team's categories to file an accepted template under.
 */
export const loadTemplatizeOfferAction = signedInAction
  .inputSchema(z.object({ session_id: z.uuid("Session ids are UUIDs.") }))
  .action(async ({ parsedInput, ctx }) => {
    const offer = await getTemplatizeOffer(ctx.viewer, parsedInput.session_id);
    const categories = offer.drafts.length > 0 ? (await listScriptCategories(ctx.viewer)).items.map(({ id, name }) => ({ id, name })) : [];
    return { ...offer, categories };
  });

/** "Don't ask again for this team": turns the account's templatize prompt off (owners and admins, as every preference). */
export const stopTemplatizePromptsAction = ownerOrAdminAction.action(async ({ ctx }) => {
  await updatePreferences(ctx.viewer, { templatize_prompt_enabled: false });
  revalidatePath("/settings");
  return { ok: true as const };
});
