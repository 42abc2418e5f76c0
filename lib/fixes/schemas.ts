import { z } from "zod";

export const FIX_OUTCOMES = ["applied_success", "applied_failed", "applied_partial", "dismissed"] as const;
export type FixOutcome = (typeof FIX_OUTCOMES)[number];

const sessionId = z.uuid("Session ids are UUIDs.");
const MAX_SCRIPT = 100_000;
/** A script is kept verbatim (indentation matters); it only has to have something in it. */
const script = z.string().max(MAX_SCRIPT, "Keep the script under 100,000 characters.");
const note = z.string().trim().max(5000, "Keep it under 5000 characters.");

export const sessionFixesParams = z.object({ id: sessionId });
export type SessionFixesParams = z.infer<typeof sessionFixesParams>;

export const fixParams = z.object({ id: sessionId, fid: z.uuid("Suggested fix ids are UUIDs.") });
export type FixParams = z.infer<typeof fixParams>;

/** D2. `language` names the script language for a queued draft template; guessed when omitted. */
export const decideFixInput = fixParams.extend({
  decision: z.enum(["one_off", "draft_template", "build_template", "dismissed"]),
  edited_script: script.nullish(),
  language: z.enum(["powershell", "bash", "python", "cmd"]).nullish(),
});
export type DecideFixInput = z.infer<typeof decideFixInput>;

/** D4: applied_partial needs notes saying what is still broken. */
export const recordOutcomeInput = fixParams
  .extend({ outcome: z.enum(FIX_OUTCOMES), notes: note.nullish(), failure_reason: note.nullish() })
  .refine((input) => input.outcome !== "applied_partial" || Boolean(input.notes), {
    message: "A partial outcome needs notes: say what worked and what is still broken.",
    path: ["notes"],
  });
export type RecordOutcomeInput = z.infer<typeof recordOutcomeInput>;

/** D6: the inline builder's script, and its parameters (values by name, or a parameter schema). */
export const draftScriptInput = fixParams.extend({
  script: script.refine((value) => value.trim().length > 0, "The script is empty; write or generate one first."),
  parameters: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
});
export type DraftScriptInput = z.infer<typeof draftScriptInput>;
