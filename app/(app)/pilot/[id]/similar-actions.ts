"use server";

import { revalidatePath } from "next/cache";
import { reuseSimilarFixInput } from "@/lib/knowledge/schemas";
import { reuseSimilarFix } from "@/lib/knowledge/reuse-similar-fix";
import { engineerOrAdminAction } from "@/lib/safe-action";

/** "Seen before" → "Use this fix": the resolved session's fix becomes this session's suggestion. */
export const reuseSimilarFixAction = engineerOrAdminAction.inputSchema(reuseSimilarFixInput).action(async ({ parsedInput, ctx }) => {
  const fix = await reuseSimilarFix(ctx.viewer, parsedInput);
  revalidatePath(`/pilot/${parsedInput.id}`);
  return fix;
});
