"use server";

import { revalidatePath } from "next/cache";
import { postResolutionNote } from "@/lib/documents/post-resolution";
import { previewEscalationPackage, previewResolutionNote } from "@/lib/documents/preview";
import { postResolutionNoteInput, previewDocumentInput } from "@/lib/documents/schemas";
import { createFact, deleteFact, updateFact } from "@/lib/facts/fact-service";
import { promoteFact } from "@/lib/facts/fact-synthesis";
import { createFactInput, factParams, promoteFactInput, updateFactInput } from "@/lib/facts/schemas";
import { decideFix } from "@/lib/fixes/fix-decision";
import { applyFix, clearOutcomeProposal, recordFixOutcome } from "@/lib/fixes/fix-outcome";
import { decideFixInput, fixParams, recordOutcomeInput } from "@/lib/fixes/schemas";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { escalateSessionInput } from "@/lib/handoffs/schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";

/** Every write re-renders the session page (and the list, whose order follows updatedAt). */
function refresh(sessionId: string) {
  revalidatePath(`/pilot/${sessionId}`);
  revalidatePath("/pilot");
}

/** C1: an engineer note in "What we know". */
export const createFactAction = engineerOrAdminAction.inputSchema(createFactInput).action(async ({ parsedInput, ctx }) => {
  const fact = await createFact(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fact;
});

/** C1/C2: rewrites an editable fact; a question/check fact is refused with the server's reason. */
export const updateFactAction = engineerOrAdminAction.inputSchema(updateFactInput).action(async ({ parsedInput, ctx }) => {
  const fact = await updateFact(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fact;
});

/** C1: soft-deletes a fact. */
export const deleteFactAction = engineerOrAdminAction.inputSchema(factParams).action(async ({ parsedInput, ctx }) => {
  await deleteFact(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return { ok: true as const };
});

/** C3: a fact from a task-lane item and the engineer's answer/result (model synthesis), or from proposed text. */
export const promoteFactAction = engineerOrAdminAction.inputSchema(promoteFactInput).action(async ({ parsedInput, ctx }) => {
  const fact = await promoteFact(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fact;
});

/** D3: the engineer ran the fix; it now waits for an outcome ("Verifying"). */
export const applyFixAction = engineerOrAdminAction.inputSchema(fixParams).action(async ({ parsedInput, ctx }) => {
  const fix = await applyFix(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fix;
});

/** D4 (and D5 "Confirm"): records whether the fix worked. */
export const recordFixOutcomeAction = engineerOrAdminAction.inputSchema(recordOutcomeInput).action(async ({ parsedInput, ctx }) => {
  const fix = await recordFixOutcome(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fix;
});

/** D2: the decision on the active fix; the page uses it to dismiss. */
export const decideFixAction = engineerOrAdminAction.inputSchema(decideFixInput).action(async ({ parsedInput, ctx }) => {
  const result = await decideFix(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return result;
});

/** D5 "Not yet": drops the AI's outcome proposal. */
export const clearOutcomeProposalAction = engineerOrAdminAction.inputSchema(fixParams).action(async ({ parsedInput, ctx }) => {
  const fix = await clearOutcomeProposal(ctx.viewer, parsedInput);
  refresh(parsedInput.id);
  return fix;
});

/** E1/E3/E6: the resolution note preview (cached unless `refresh`). Reads only. */
export const previewResolutionNoteAction = engineerOrAdminAction
  .inputSchema(previewDocumentInput)
  .action(({ parsedInput, ctx }) => previewResolutionNote(ctx.viewer, parsedInput.id, { refresh: parsedInput.refresh }));

/** E2/E3/E6: the escalation package preview. Reads only. */
export const previewEscalationPackageAction = engineerOrAdminAction
  .inputSchema(previewDocumentInput)
  .action(({ parsedInput, ctx }) => previewEscalationPackage(ctx.viewer, parsedInput.id, { refresh: parsedInput.refresh }));

/** E4: resolves the session with the (possibly edited) note. */
export const postResolutionNoteAction = engineerOrAdminAction
  .inputSchema(postResolutionNoteInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await postResolutionNote(ctx.viewer, parsedInput.id, { markdown: parsedInput.markdown });
    refresh(parsedInput.id);
    return result;
  });

/** F1: escalates the session to the team with the (possibly edited) package. */
export const escalateSessionAction = engineerOrAdminAction
  .inputSchema(escalateSessionInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createHandoff(ctx.viewer, {
      sessionId: parsedInput.id, intent: "escalate", reason: parsedInput.reason, targetUserId: parsedInput.target_user_id, packageMarkdown: parsedInput.package_markdown,
    });
    refresh(parsedInput.id);
    revalidatePath("/escalations");
    return result;
  });
