/**
 * Marker blocks in a chat reply (B2, D1, D5, B5). Pure: no I/O, no logging — the caller logs
 * `dropped` (B5).
 *
 * Syntax. A block is three or more lines:
 *
 *     [NAME]
 *     <JSON, on one or more lines; a ```json fence around it is tolerated>
 *     [/NAME]
 *
 * where NAME is QUESTIONS, ACTIONS, PROMOTE, SUGGEST_FIX, FIX_OUTCOME or FORK and each tag line
 * holds nothing but the tag (surrounding spaces allowed). A tag mentioned inside a sentence is
 * prose, not a block. Shapes (the wire names are kept, snake_case included):
 *
 *     QUESTIONS    [{ "text" }]
 *     ACTIONS      [{ "label", "command"? }]
 *     PROMOTE      [{ "text", "source_ref"? }]        source_ref: a task-lane item UUID
 *     SUGGEST_FIX  { "title", "description", "confidence", "template_id"?, "script"?, "parameters"?, "source_session_id"? }
 *     FIX_OUTCOME  { "fix_id"?, "outcome": applied_success|applied_failed|applied_partial, "notes"? }
 *     FORK         { "reason", "title", "summary" }
 *
 * Every block is removed from the prose, well-formed or not. List blocks (QUESTIONS, ACTIONS,
 * PROMOTE) concatenate; for SUGGEST_FIX, FIX_OUTCOME and FORK the last well-formed block wins.
 * A malformed block — bad JSON, wrong shape, or no closing line (it then runs to the next opening
 * tag line or the end of the reply) — contributes no data and is reported in `dropped`.
 * Optional fields given as null count as absent; a source_ref that is not a UUID is left off the
 * fact rather than losing the fact. Confidence may be a number or a numeric string; it is rounded
 * and clamped to 0–100, and anything non-numeric drops the block.
 */
import { z } from "zod";
import { isClosingLine, joinProse, openingMarker, type MarkerName } from "@/lib/ai/marker-syntax";

export { MARKER_NAMES, type MarkerName } from "@/lib/ai/marker-syntax";
// The task-lane merge and the stream filter live in their own files; re-exported so callers
// find everything about markers in one import.
export { mergeTaskLane, taskLaneSchema, type TaskLane, type TaskLaneQuestion, type TaskLaneAction } from "@/lib/ai/task-lane";
export { createProseStreamFilter, type ProseStreamFilter } from "@/lib/ai/prose-stream-filter";

const requiredText = z.string().trim().min(1);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const confidence = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
  .refine(Number.isFinite, "confidence must be a number")
  .transform((value) => Math.min(100, Math.max(0, Math.round(value))));

export const questionMarkerSchema = z.array(z.object({ text: requiredText }));
export const actionMarkerSchema = z.array(z.object({ label: requiredText, command: optionalText }));
export const promoteMarkerSchema = z.array(
  z.object({
    text: requiredText,
    source_ref: z
      .string()
      .nullish()
      .catch(undefined)
      .transform((value) => (value && z.uuid().safeParse(value.trim()).success ? value.trim() : undefined)),
  }),
);
export const suggestFixMarkerSchema = z.object({
  title: requiredText,
  description: requiredText,
  confidence,
  template_id: optionalText,
  script: optionalText,
  parameters: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((value) => value ?? undefined),
  /** A seen-before session whose fix this reuses; the caller keeps it only if it was offered. */
  source_session_id: z
    .string()
    .nullish()
    .catch(undefined)
    .transform((value) => (value && z.uuid().safeParse(value.trim()).success ? value.trim() : undefined)),
});
export const FIX_OUTCOMES = ["applied_success", "applied_failed", "applied_partial"] as const;
export const fixOutcomeMarkerSchema = z.object({
  fix_id: optionalText,
  outcome: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/^<|>$/g, "").toLowerCase() : value),
    z.enum(FIX_OUTCOMES),
  ),
  notes: optionalText,
});
export const forkMarkerSchema = z.object({ reason: requiredText, title: requiredText, summary: requiredText });

export type QuestionMarker = z.infer<typeof questionMarkerSchema>[number];
export type ActionMarker = z.infer<typeof actionMarkerSchema>[number];
export type PromoteMarker = z.infer<typeof promoteMarkerSchema>[number];
export type SuggestFixMarker = z.infer<typeof suggestFixMarkerSchema>;
export type FixOutcomeMarker = z.infer<typeof fixOutcomeMarkerSchema>;
export type ForkMarker = z.infer<typeof forkMarkerSchema>;

/** A block that was removed but not used; `raw` is its body, cut short for the log line. */
export type DroppedMarker = { marker: MarkerName; reason: string; raw: string };

export type ParsedMarkers = {
  /** The reply without any block, trimmed, blank-line runs collapsed to one. */
  prose: string;
  questions: QuestionMarker[];
  actions: ActionMarker[];
  promotes: PromoteMarker[];
  suggestedFix: SuggestFixMarker | null;
  fixOutcome: FixOutcomeMarker | null;
  fork: ForkMarker | null;
  dropped: DroppedMarker[];
};

function unfence(body: string): string {
  const fenced = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/.exec(body.trim());
  return fenced?.[1] ?? body;
}

const SCHEMAS = {
  QUESTIONS: questionMarkerSchema,
  ACTIONS: actionMarkerSchema,
  PROMOTE: promoteMarkerSchema,
  SUGGEST_FIX: suggestFixMarkerSchema,
  FIX_OUTCOME: fixOutcomeMarkerSchema,
  FORK: forkMarkerSchema,
} as const;

type BlockResult = { ok: true; data: unknown } | { ok: false; reason: string };

function parseBlock(name: MarkerName, body: string): BlockResult {
  let json: unknown;
  try {
    json = JSON.parse(unfence(body));
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = SCHEMAS[name].safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `wrong shape: ${issue ? `${issue.path.join(".") || "(root)"} ${issue.message}` : "invalid"}` };
  }
  return { ok: true, data: parsed.data };
}

/** Splits a reply into prose and marker data. Never throws: bad blocks land in `dropped`. */
export function parseMarkers(reply: string): ParsedMarkers {
  const result: ParsedMarkers = { prose: "", questions: [], actions: [], promotes: [], suggestedFix: null, fixOutcome: null, fork: null, dropped: [] };
  const lines = reply.replace(/\r\n?/g, "\n").split("\n");
  const proseLines: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    const name = openingMarker(line);
    if (!name) {
      proseLines.push(line);
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < lines.length && !isClosingLine(lines[end] as string, name) && !openingMarker(lines[end] as string)) end += 1;
    const body = lines.slice(index + 1, end).join("\n");
    const closed = end < lines.length && isClosingLine(lines[end] as string, name);
    const outcome: BlockResult = closed ? parseBlock(name, body) : { ok: false, reason: `no closing [/${name}] line` };
    if (outcome.ok) apply(result, name, outcome.data);
    else result.dropped.push({ marker: name, reason: outcome.reason, raw: body.slice(0, 500) });
    index = closed ? end + 1 : end;
  }
  result.prose = joinProse(proseLines);
  return result;
}

function apply(result: ParsedMarkers, name: MarkerName, data: unknown) {
  switch (name) {
    case "QUESTIONS":
      result.questions.push(...(data as QuestionMarker[]));
      break;
    case "ACTIONS":
      result.actions.push(...(data as ActionMarker[]));
      break;
    case "PROMOTE":
      result.promotes.push(...(data as PromoteMarker[]));
      break;
    case "SUGGEST_FIX":
      result.suggestedFix = data as SuggestFixMarker;
      break;
    case "FIX_OUTCOME":
      result.fixOutcome = data as FixOutcomeMarker;
      break;
    case "FORK":
      result.fork = data as ForkMarker;
      break;
  }
}
