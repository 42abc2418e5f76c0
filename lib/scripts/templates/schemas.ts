import { z } from "zod";
import { parametersSchemaInput } from "@/lib/scripts/parameter-schema";

/**
 * Inputs of the script library (H1), shared by the REST routes and the page's server actions.
 * Bodies are kept verbatim (indentation matters in scripts); a query parameter sent empty
 * (`?q=`) counts as absent.
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const SCRIPT_LANGUAGES = ["powershell", "bash", "python", "cmd"] as const;

const templateId = z.uuid("Template ids are UUIDs.");
const name = z.string("Give the template a name.").trim().min(1, "Give the template a name.").max(200, "Keep the name under 200 characters.");
const description = z.string().trim().max(2000, "Keep the description under 2000 characters.").nullable();
const language = z.enum(SCRIPT_LANGUAGES, "The language is powershell, bash, python or cmd.");
const body = z
  .string("Write the script's body.")
  .max(100_000, "Keep the script under 100,000 characters.")
  .refine((value) => value.trim().length > 0, "Write the script's body.");
const categoryId = z.uuid("Category ids are UUIDs.").nullable();

export const templateIdParams = z.object({ id: templateId });
export type TemplateIdParams = z.infer<typeof templateIdParams>;

/** `?q=` searches name, description and body; archived templates only with `include_archived=true`. */
export const listTemplatesInput = z.object({
  q: optional(z.string().trim().max(200, "Keep the search text under 200 characters.")),
  category_id: optional(z.uuid("Category ids are UUIDs.")),
  include_archived: optional(z.enum(["true", "false"], 'include_archived is "true" or "false".').transform((value) => value === "true")),
});
export type ListTemplatesInput = z.infer<typeof listTemplatesInput>;

/** `?version=N` reads what the template said at version N. */
export const getTemplateInput = templateIdParams.extend({
  version: optional(z.coerce.number("version is a number.").int("version is a whole number.").min(1, "Versions start at 1.").max(1_000_000)),
});
export type GetTemplateInput = z.infer<typeof getTemplateInput>;

export const createTemplateInput = z.object({
  name,
  description: description.default(null),
  language,
  body,
  parameters: parametersSchemaInput.default([]),
  category_id: categoryId.default(null),
});
export type CreateTemplateInput = z.infer<typeof createTemplateInput>;

/** Every field optional; `description: null` / `category_id: null` clear them. */
export const updateTemplateInput = templateIdParams
  .extend({
    name: name.optional(),
    description: description.optional(),
    language: language.optional(),
    body: body.optional(),
    parameters: parametersSchemaInput.optional(),
    category_id: categoryId.optional(),
  })
  .refine((input) => Object.keys(input).some((key) => key !== "id"), "Send at least one field to change.");
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;
export type UpdateTemplatePatch = Omit<UpdateTemplateInput, "id">;

export const createCategoryInput = z.object({
  name: z.string("Give the category a name.").trim().min(1, "Give the category a name.").max(100, "Keep the category name under 100 characters."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").nullish().transform((value) => value || null),
});
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

/** Routes that take nothing. */
export const noInput = z.object({});
