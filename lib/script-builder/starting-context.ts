import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import { PARAMETERS_FENCE } from "@/lib/script-builder/script-extraction";

/** The first line of a session's starting-context message: how the page and the model tell it from a typed message. */
export const STARTING_CONTEXT_HEADING = "Starting context from a pilot session";

export type PilotContext = {
  sessionTitle: string;
  facts: string[];
  fix: { id: string; title: string; description: string; script: string | null; parameters: ScriptParameters | null } | null;
};

/** A fence longer than any run of backticks inside `code`, so a script can't close its own block. */
export function fenced(code: string, info: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${code.replace(/\s+$/, "")}\n${fence}`;
}

/** The pilot session as the builder's model sees it: title, confirmed facts, the fix with its drafted script. */
export function describePilotContext(context: PilotContext, language: string): string {
  const lines = [`Pilot session: ${context.sessionTitle}`, "Confirmed facts:", ...(context.facts.length ? context.facts.map((fact) => `- ${fact}`) : ["- none yet"])];
  const fix = context.fix;
  if (!fix) {
    lines.push("Suggested fix: none yet");
    return lines.join("\n");
  }
  lines.push(`Suggested fix (fix id ${fix.id}): ${fix.title}`, fix.description);
  if (fix.script) lines.push("Script drafted for the fix:", fenced(fix.script, language));
  if (fix.parameters) lines.push("Its parameter values:", fenced(JSON.stringify(fix.parameters), PARAMETERS_FENCE));
  return lines.join("\n");
}

/** The message a builder opened from a fix (D2 build_template) starts with. */
export function startingContextMessage(context: PilotContext, language: string): string {
  return [
    STARTING_CONTEXT_HEADING,
    "",
    describePilotContext(context, language),
    "",
    context.fix?.script
      ? "Turn the fix's script into a clean, reusable script: per-run values as parameters, safe to run twice."
      : "Write a script that applies this fix: per-run values as parameters, safe to run twice.",
  ].join("\n");
}

/** Whether a stored message is a starting context rather than something the engineer typed. */
export function isStartingContext(message: { role: string; content: string }): boolean {
  return message.role === "user" && message.content.startsWith(STARTING_CONTEXT_HEADING);
}

/** The text a starting context carries for `fixId`, to find a builder already opened from that fix. */
export function fixMarker(fixId: string): string {
  return `(fix id ${fixId})`;
}
