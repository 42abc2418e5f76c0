import { z } from "zod";
import { sessionIdParams } from "@/lib/sessions/schemas";

export const kbArticleFormats = ["troubleshooting", "procedural"] as const;
export const kbArticleStatuses = ["draft", "published"] as const;

/** `POST /api/v1/ai-sessions/:id/kb-articles { format }`. */
export const draftKbArticleInput = sessionIdParams.extend({
  format: z.enum(kbArticleFormats, "The format is troubleshooting or procedural."),
});
export type DraftKbArticleInput = z.infer<typeof draftKbArticleInput>;

export const kbArticleParams = z.object({ id: z.uuid("Article ids are UUIDs.") });
export type KbArticleParams = z.infer<typeof kbArticleParams>;

/** `GET /api/v1/kb-articles?q=&status=` and the /knowledge page's URL state. */
export const listKbArticlesInput = z.object({
  q: z
    .string()
    .trim()
    .max(200, "Keep the search under 200 characters.")
    .optional()
    .transform((text) => text || undefined),
  // The search form sends an empty status for "drafts and published".
  status: z.preprocess((value) => (value === "" ? undefined : value), z.enum(kbArticleStatuses, "Status is draft or published.").optional()),
});
export type ListKbArticlesInput = z.infer<typeof listKbArticlesInput>;

/** `PATCH /api/v1/kb-articles/:id`: any of title, body and which redacted items to keep (by placeholder). */
export const updateKbArticleInput = kbArticleParams.extend({
  title: z.string("The title is text.").trim().min(1, "Give the article a title.").max(200, "Keep the title under 200 characters.").optional(),
  body_markdown: z
    .string("The article is text.")
    .trim()
    .min(1, "The article is empty; write something.")
    .max(50_000, "Keep the article under 50,000 characters.")
    .optional(),
  keep: z.array(z.string().max(40), "keep lists placeholders, such as \"[host 1]\".").max(200).optional(),
});
export type UpdateKbArticleInput = z.infer<typeof updateKbArticleInput>;
