import { z } from "zod";
import { CHAT_MESSAGE_MAX_LENGTH, CHAT_MESSAGE_TOO_LONG } from "@/lib/chat/message-limit";

/** H4: the languages the builder writes (the issue names these three; `cmd` stays a library-only language). */
export const BUILDER_LANGUAGES = ["powershell", "bash", "python"] as const;
export type BuilderLanguage = (typeof BUILDER_LANGUAGES)[number];

export const builderLanguage = z.enum(BUILDER_LANGUAGES, "The builder writes PowerShell, Bash or Python scripts.");

const builderId = z.uuid("Builder session ids are UUIDs.");
const sessionId = z.uuid("Session ids are UUIDs.");

export const builderSessionParams = z.object({ id: builderId });
export type BuilderSessionParams = z.infer<typeof builderSessionParams>;

/**
 * A standalone builder session. With `from_session` and `fix` it is pre-loaded from that pilot
 * session and fix (D2 build_template) — and reused when one already exists for them.
 */
export const createBuilderSessionInput = z
  .object({
    title: z.string().trim().max(200, "Keep the title under 200 characters.").optional(),
    language: builderLanguage.default("powershell"),
    from_session: sessionId.optional(),
    fix: z.uuid("Suggested fix ids are UUIDs.").optional(),
  })
  .refine((input) => Boolean(input.from_session) === Boolean(input.fix), {
    message: "Pass from_session and fix together to start from a suggested fix.",
    path: ["fix"],
  });
export type CreateBuilderSessionInput = z.infer<typeof createBuilderSessionInput>;

export const sendBuilderMessageInput = builderSessionParams.extend({
  message: z.string().trim().min(1, "Write a message first.").max(CHAT_MESSAGE_MAX_LENGTH, CHAT_MESSAGE_TOO_LONG),
});
export type SendBuilderMessageInput = z.infer<typeof sendBuilderMessageInput>;

/** The pilot session whose inline builder is wanted. */
export const inlineBuilderParams = z.object({ id: sessionId });
export type InlineBuilderParams = z.infer<typeof inlineBuilderParams>;

/** Submit: the builder's current script goes onto this fix of the builder's pilot session (D6). */
export const submitBuilderScriptInput = builderSessionParams.extend({ fix_id: z.uuid("Suggested fix ids are UUIDs.") });
export type SubmitBuilderScriptInput = z.infer<typeof submitBuilderScriptInput>;

/** A stored language as the builder handles it; `cmd` (library-only) is written as PowerShell. */
export function builderLanguageOf(language: string): BuilderLanguage {
  return (BUILDER_LANGUAGES as readonly string[]).includes(language) ? (language as BuilderLanguage) : "powershell";
}
