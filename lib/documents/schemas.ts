import { z } from "zod";
import { sessionIdParams } from "@/lib/sessions/schemas";

export const previewDocumentInput = sessionIdParams.extend({
  refresh: z.boolean("refresh is true or false.").optional(),
});
export type PreviewDocumentInput = z.infer<typeof previewDocumentInput>;

export const postResolutionNoteInput = sessionIdParams.extend({
  markdown: z
    .string("The note is text.")
    .trim()
    .min(1, "The resolution note is empty; write something or leave it out to post the preview.")
    .max(50_000, "Keep the resolution note under 50,000 characters.")
    .optional(),
});
export type PostResolutionNoteInput = z.infer<typeof postResolutionNoteInput>;
