"use server";

import { revalidatePath } from "next/cache";
import { createKbArticle, publishKbArticle, updateKbArticle } from "@/lib/knowledge/kb-articles";
import { draftKbArticleInput, kbArticleParams, updateKbArticleInput } from "@/lib/knowledge/kb-schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";

/** L2: drafts an article from a resolved session; the caller opens it. */
export const draftKbArticleAction = engineerOrAdminAction.inputSchema(draftKbArticleInput).action(async ({ parsedInput, ctx }) => {
  const article = await createKbArticle(ctx.viewer, parsedInput);
  revalidatePath(`/pilot/${parsedInput.id}`);
  revalidatePath("/knowledge");
  return { id: article.id };
});

/** Saves the editor: title, body and the kept redactions. */
export const updateKbArticleAction = engineerOrAdminAction.inputSchema(updateKbArticleInput).action(async ({ parsedInput, ctx }) => {
  const article = await updateKbArticle(ctx.viewer, parsedInput);
  revalidatePath("/knowledge");
  return article;
});

export const publishKbArticleAction = engineerOrAdminAction.inputSchema(kbArticleParams).action(async ({ parsedInput, ctx }) => {
  const article = await publishKbArticle(ctx.viewer, parsedInput.id);
  revalidatePath("/knowledge");
  revalidatePath(`/knowledge/${article.id}`);
  return article;
});
