import { z } from "zod";

/**
 * The pilot session's task lane (B3): questions for the end user and diagnostic checks, each with
 * a UUID that stays the same across turns so facts can point at it (C1 source_ref). Statuses
 * other than "open" are set by the page and the services; the merge only carries them over.
 */
export const taskLaneSchema = z.object({
  questions: z.array(z.object({ id: z.uuid(), text: z.string(), status: z.string() })).default([]),
  actions: z.array(z.object({ id: z.uuid(), label: z.string(), command: z.string().optional(), status: z.string() })).default([]),
});
export type TaskLane = z.infer<typeof taskLaneSchema>;
export type TaskLaneQuestion = TaskLane["questions"][number];
export type TaskLaneAction = TaskLane["actions"][number];

export const EMPTY_TASK_LANE: TaskLane = { questions: [], actions: [] };

/** How two items are compared: trimmed, inner whitespace collapsed, case-insensitive. */
export function normalizeItemText(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

type Incoming = { questions: { text: string }[]; actions: { label: string; command?: string }[] };

/**
 * The task lane after a turn (pure). An incoming question or check whose normalised text/label
 * matches an existing item keeps that item's id and status (an action also takes a newly given
 * command); anything new gets a fresh UUID and status "open" and is appended; existing items the
 * reply did not mention stay as they were. Duplicates within one reply collapse into one item.
 */
export function mergeTaskLane(previous: TaskLane | null | undefined, parsed: Incoming): TaskLane {
  const lane = previous ?? EMPTY_TASK_LANE;

  const questions = [...lane.questions];
  const questionIndex = new Map(questions.map((item, index) => [normalizeItemText(item.text), index]));
  for (const { text } of parsed.questions) {
    const key = normalizeItemText(text);
    if (key === "" || questionIndex.has(key)) continue;
    questionIndex.set(key, questions.length);
    questions.push({ id: crypto.randomUUID(), text: text.trim(), status: "open" });
  }

  const actions = [...lane.actions];
  const actionIndex = new Map(actions.map((item, index) => [normalizeItemText(item.label), index]));
  for (const { label, command } of parsed.actions) {
    const key = normalizeItemText(label);
    if (key === "") continue;
    const existing = actionIndex.get(key);
    if (existing === undefined) {
      actionIndex.set(key, actions.length);
      actions.push({ id: crypto.randomUUID(), label: label.trim(), ...(command ? { command } : {}), status: "open" });
    } else if (command && actions[existing]?.command !== command) {
      actions[existing] = { ...(actions[existing] as TaskLaneAction), command };
    }
  }

  return { questions, actions };
}
