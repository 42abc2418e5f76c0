import { z } from "zod";

/**
 * The task lane as stored in `ai_sessions.pending_task_lane` (B3). Read tolerantly: an item of an
 * unexpected shape is skipped rather than failing the request that looks something up.
 */
const questionItem = z.object({
  id: z.string(),
  text: z.string(),
  status: z.string().nullish(),
  answer: z.string().nullish(),
});
const actionItem = z.object({
  id: z.string(),
  label: z.string(),
  command: z.string().nullish(),
  status: z.string().nullish(),
  result: z.string().nullish(),
});

export type LaneItem =
  | { kind: "question"; id: string; text: string; status: string | null; outcome: string | null }
  | { kind: "diagnostic_check"; id: string; text: string; command: string | null; status: string | null; outcome: string | null };

function entries(lane: unknown, key: "questions" | "actions"): unknown[] {
  if (!lane || typeof lane !== "object") return [];
  const list = (lane as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : [];
}

/** The question or diagnostic check with id `ref`, or null when the lane has no such item. */
export function findLaneItem(lane: unknown, ref: string): LaneItem | null {
  for (const entry of entries(lane, "questions")) {
    const item = questionItem.safeParse(entry);
    if (item.success && item.data.id === ref) {
      return { kind: "question", id: ref, text: item.data.text, status: item.data.status ?? null, outcome: item.data.answer ?? null };
    }
  }
  for (const entry of entries(lane, "actions")) {
    const item = actionItem.safeParse(entry);
    if (item.success && item.data.id === ref) {
      return {
        kind: "diagnostic_check",
        id: ref,
        text: item.data.label,
        command: item.data.command ?? null,
        status: item.data.status ?? null,
        outcome: item.data.result ?? null,
      };
    }
  }
  return null;
}
