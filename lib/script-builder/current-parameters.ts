import type { BuilderLanguage } from "@/lib/script-builder/schemas";
import { extractCurrentScript, extractScriptParameters, type ScriptParameters } from "@/lib/script-builder/script-extraction";
import { isStartingContext } from "@/lib/script-builder/starting-context";

type Message = { role: string; content: string };

/**
 * The parameter values that go with the current script: those of the newest reply that wrote a
 * script, else those the starting context brought from the fix. Null when neither has any.
 */
export function currentParametersOf(messages: readonly Message[], language: BuilderLanguage): ScriptParameters | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.role === "assistant" && extractCurrentScript(message.content, language) !== null) {
      return extractScriptParameters(message.content);
    }
  }
  const first = messages[0];
  return first && isStartingContext(first) ? extractScriptParameters(first.content) : null;
}
