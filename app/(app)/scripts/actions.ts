"use server";

import { revalidatePath } from "next/cache";
import { engineerOrAdminAction } from "@/lib/safe-action";
import { archiveScriptTemplate } from "@/lib/scripts/templates/archive-template";
import { createScriptCategory } from "@/lib/scripts/templates/categories";
import { createScriptTemplate } from "@/lib/scripts/templates/create-template";
import { createCategoryInput, createTemplateInput, templateIdParams, updateTemplateInput } from "@/lib/scripts/templates/schemas";
import { updateScriptTemplate } from "@/lib/scripts/templates/update-template";

/*
 * The script library's writes (H1), for engineers, admins and owners. Failures come back as
 * `serverError` / `validationErrors` with the server's own words (the undeclared parameter, the
 * unknown category), never as a thrown error the page can't read.
 */

/** A new template; the page then opens it. */
export const createTemplateAction = engineerOrAdminAction.inputSchema(createTemplateInput).action(async ({ parsedInput, ctx }) => {
  const template = await createScriptTemplate(ctx.viewer, parsedInput);
  revalidatePath("/scripts");
  return { id: template.id, version: template.version };
});

/** An edit; a change of content is a new version. */
export const updateTemplateAction = engineerOrAdminAction.inputSchema(updateTemplateInput).action(async ({ parsedInput, ctx }) => {
  const { id, ...patch } = parsedInput;
  const template = await updateScriptTemplate(ctx.viewer, id, patch);
  revalidatePath("/scripts");
  revalidatePath(`/scripts/templates/${id}`);
  return { id: template.id, version: template.version };
});

/** Archive: out of the library, still readable by id. */
export const archiveTemplateAction = engineerOrAdminAction.inputSchema(templateIdParams).action(async ({ parsedInput, ctx }) => {
  const template = await archiveScriptTemplate(ctx.viewer, parsedInput.id);
  revalidatePath("/scripts");
  revalidatePath(`/scripts/templates/${parsedInput.id}`);
  return { id: template.id, archived_at: template.archived_at };
});

/** A category, created from the template form. */
export const createCategoryAction = engineerOrAdminAction.inputSchema(createCategoryInput).action(async ({ parsedInput, ctx }) => {
  const category = await createScriptCategory(ctx.viewer, parsedInput);
  revalidatePath("/scripts");
  return { id: category.id, name: category.name };
});
