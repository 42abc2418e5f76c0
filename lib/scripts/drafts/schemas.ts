import { z } from "zod";
import { parametersSchemaInput } from "@/lib/scripts/parameter-schema";

const draftId = z.uuid("Draft template ids are UUIDs.");

export const draftTemplateParams = z.object({ id: draftId });
export type DraftTemplateParams = z.infer<typeof draftTemplateParams>;

/** What the queue lists: pending drafts by default, every draft (the audit view) with `pending_only: false`. */
export const listDraftTemplatesInput = z.object({
  pending_only: z.boolean().default(true),
  session_id: z.uuid("Session ids are UUIDs.").optional(),
});
export type ListDraftTemplatesInput = z.input<typeof listDraftTemplatesInput>;

/** The same filter as a query string (`?pending_only=false&session_id=…`). */
export const listDraftTemplatesQuery = z.object({
  pending_only: z.stringbool({ error: "pending_only is true or false." }).default(true),
  session_id: z.uuid("Session ids are UUIDs.").optional(),
});

/**
 * H5 accept: every field optional; what is left out comes from the draft. A `category_id` that
 * names no category of the account is the service's 400 (as the old API answered).
 */
export const acceptDraftTemplateInput = z.object({
  name: z.string().trim().min(1, "Give the template a name.").max(200, "Keep the name under 200 characters.").optional(),
  description: z.string().trim().max(2000, "Keep the description under 2000 characters.").nullish(),
  category_id: z.uuid("Category ids are UUIDs.").nullish(),
  body: z
    .string()
    .max(100_000, "Keep the script under 100,000 characters.")
    .refine((value) => value.trim().length > 0, "The template body is empty.")
    .optional(),
  parameters: parametersSchemaInput.optional(),
});
/** What a caller sends (the service parses it again, so actions and tests get the same rules as the route). */
export type AcceptDraftTemplateInput = z.input<typeof acceptDraftTemplateInput>;

export const acceptDraftTemplateRequest = acceptDraftTemplateInput.extend({ id: draftId });
