import type { LaneItem } from "@/lib/facts/task-lane";

/**
 * C3: the cheap model turns one answered task-lane item into one confirmed fact. Placeholders
 * only (J3): the shape is shown, never example content the model could repeat.
 */
export const FACT_SYNTHESIS_PROMPT = `You write the "What we know" list of an MSP engineer's troubleshooting session.
You receive one item from the session's task lane: either a question the engineer asked the end user, or a diagnostic check the engineer ran, together with the answer or result the engineer recorded.

Turn it into exactly one confirmed fact:
- One plain sentence, under 200 characters, stating what is now known (not what was asked).
- Use only what the item and its answer or result say. Never guess, generalize or add advice.
- Keep names, hostnames, versions and error codes exactly as written in the input.
- When the input does not establish anything (no answer, no result, or an inconclusive one), the fact is null.

Reply shape: {"fact": "<one sentence, or null>"}`;

/** The user message for one item: what was asked or run, and what came back. */
export function factSynthesisMessage(item: LaneItem, outcome: string | null): string {
  const lines =
    item.kind === "question"
      ? [`Item kind: question to the end user`, `Question: ${item.text}`]
      : [`Item kind: diagnostic check`, `Check: ${item.text}`, ...(item.command ? [`Command: ${item.command}`] : [])];
  if (item.status) lines.push(`Status in the task lane: ${item.status}`);
  const label = item.kind === "question" ? "Answer" : "Result";
  lines.push(`${label}: ${outcome?.trim() ? outcome.trim() : "(none recorded)"}`);
  return lines.join("\n");
}
