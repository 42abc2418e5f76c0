import { z } from "zod";

const sessionId = z.uuid("Session ids are UUIDs.");
const factText = z
  .string()
  .trim()
  .min(1, "Write the fact; it can't be empty.")
  .max(2000, "Keep a fact under 2000 characters.");
/** A task-lane item id (B3) or another reference; not a foreign key. */
const sourceRef = z.string().trim().min(1).max(200);

export const sessionFactsParams = z.object({ id: sessionId });
export type SessionFactsParams = z.infer<typeof sessionFactsParams>;

export const createFactInput = z.object({
  id: sessionId,
  text: factText,
  source_kind: z.enum(["engineer_note", "ai_promote", "question", "diagnostic_check"]).default("engineer_note"),
  source_ref: sourceRef.nullish(),
});
export type CreateFactInput = z.infer<typeof createFactInput>;

export const factParams = z.object({ id: sessionId, factId: z.uuid("Fact ids are UUIDs.") });
export type FactParams = z.infer<typeof factParams>;

export const updateFactInput = factParams.extend({ text: factText });
export type UpdateFactInput = z.infer<typeof updateFactInput>;

/**
 * C3: promote `proposed_text` as it stands, or have the model synthesize a fact from the task-lane
 * item `source_ref` together with the engineer's `answer` (a question) or `result` (a check).
 */
export const promoteFactInput = z
  .object({
    id: sessionId,
    proposed_text: factText.nullish(),
    source_ref: sourceRef.nullish(),
    answer: z.string().trim().max(4000).nullish(),
    result: z.string().trim().max(4000).nullish(),
  })
  .refine((input) => Boolean(input.proposed_text || input.source_ref), {
    message: "Send proposed_text, or the source_ref of a task-lane item to synthesize a fact from.",
    path: ["proposed_text"],
  });
export type PromoteFactInput = z.infer<typeof promoteFactInput>;
