import type { FixDecision } from "@/lib/generated/prisma/enums";
import type { FixInput } from "@/components/pilot/pilot-types";

/**
 * D2 on the pilot page: what the fix card needs to offer a script path. The fix reaches the page
 * as a server FixView or inside a chat turn's JSON; both carry these fields, which the shared
 * FixInput shape leaves out, so they are read defensively here.
 */
export type DraftedValue = string | number | boolean;

export type FixScriptInfo = {
  templateId: string | null;
  /** The values the model proposed for this session, by parameter name. */
  draftedValues: Record<string, DraftedValue>;
  decision: FixDecision | null;
  /** The engineer's edit, else the AI draft. */
  script: string | null;
};

export type FixSource = FixInput & { template_id?: string | null; ai_drafted_parameters?: unknown; user_decision?: FixDecision | null };

const DECISIONS: readonly string[] = ["one_off", "draft_template", "build_template", "dismissed"];

export function readFixScriptInfo(fix: FixSource): FixScriptInfo {
  return {
    templateId: typeof fix.template_id === "string" && fix.template_id ? fix.template_id : null,
    draftedValues: readDraftedValues(fix.ai_drafted_parameters),
    decision: typeof fix.user_decision === "string" && DECISIONS.includes(fix.user_decision) ? fix.user_decision : null,
    script: fix.edited_script ?? fix.ai_drafted_script,
  };
}

const isValue = (value: unknown): value is DraftedValue =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/**
 * The drafted parameters as name → value. [SUGGEST_FIX] sends `{ name: value }`; the inline
 * builder (D6) may save a schema `[{ name, default }]` instead, whose defaults are its values.
 */
export function readDraftedValues(raw: unknown): Record<string, DraftedValue> {
  const values: Record<string, DraftedValue> = {};
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      if (!entry || typeof entry !== "object") continue;
      const { name, value, default: fallback } = entry as { name?: unknown; value?: unknown; default?: unknown };
      const chosen = value ?? fallback;
      if (typeof name === "string" && name && isValue(chosen)) values[name] = chosen;
    }
  } else if (raw && typeof raw === "object") {
    for (const [name, value] of Object.entries(raw)) if (isValue(value)) values[name] = value;
  }
  return values;
}

/** A template body with `{{name}}` filled from the drafted values; unknown names stay as written. */
export function fillTemplateBody(body: string, values: Record<string, DraftedValue>): string {
  return body.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

export type ValueRange = { start: number; end: number; name: string };

/**
 * Where the proposed values occur in `script`, left to right without overlaps (a longer value
 * wins over one it contains). Booleans and one-character values are skipped: they would mark
 * half the script.
 */
export function findValueRanges(script: string, values: Record<string, DraftedValue>): ValueRange[] {
  const needles = Object.entries(values)
    .filter(([, value]) => typeof value !== "boolean" && String(value).trim().length > 1)
    .map(([name, value]) => ({ name, text: String(value) }))
    .sort((x, y) => y.text.length - x.text.length);
  const found: ValueRange[] = [];
  for (const { name, text } of needles) {
    for (let at = script.indexOf(text); at !== -1; at = script.indexOf(text, at + text.length)) {
      const end = at + text.length;
      if (!found.some((range) => at < range.end && end > range.start)) found.push({ start: at, end, name });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}
