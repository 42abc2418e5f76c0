"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { generateScript } from "@/lib/scripts/generate/generate-script";
import type { GenerationResult } from "@/lib/scripts/generate/generation-view";
import { listGenerations } from "@/lib/scripts/generate/read-generations";
import { generateScriptInput, listGenerationsInput } from "@/lib/scripts/generate/schemas";
import { engineerOrAdminAction, signedInAction } from "@/lib/safe-action";

/** What the generator gets back: the run, or the server's per-field messages (H2's 422) to show beside each field. */
export type GenerateActionResult = { ok: true; result: GenerationResult } | { ok: false; message: string; field_errors: Record<string, string> };

/** Renders and records a run (H2). A value the schema refuses comes back per field, not as a thrown error. */
export const generateScriptAction = engineerOrAdminAction.inputSchema(generateScriptInput).action(async ({ parsedInput, ctx }): Promise<GenerateActionResult> => {
  try {
    const result = await generateScript(ctx.viewer, parsedInput);
    if (parsedInput.ai_session_id) revalidatePath(`/pilot/${parsedInput.ai_session_id}`);
    return { ok: true, result };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const field_errors: Record<string, string> = {};
    for (const issue of error.issues) {
      const [scope, name] = issue.path;
      if (scope === "parameters" && typeof name === "string") field_errors[name] ??= issue.message;
    }
    return { ok: false, message: "Check the highlighted fields.", field_errors };
  }
});

/** The history under a template or a session: recent runs, sensitive values as ••••. */
export const listGenerationsAction = signedInAction.inputSchema(listGenerationsInput).action(async ({ parsedInput, ctx }) => listGenerations(ctx.viewer, parsedInput));
