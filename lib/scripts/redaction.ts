/**
 * H2/E5: sensitive script parameters never leave the place they were typed. Pure functions over a
 * template's `parametersSchema` (`[{ name, sensitive, … }]`) and the values a run was given;
 * tolerant of whatever JSON a row holds, because redaction must not be the thing that throws.
 */

export const REDACTED = "[REDACTED]";

// A parameter the schema doesn't describe (template deleted, schema missing) is judged by its
// name; one the schema declares non-sensitive is trusted.
const SECRET_NAME = /pass(word|phrase|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|credential|(^|[_-])pin$/i;

type Declared = Map<string, boolean>;

function declaredSensitivity(schema: unknown): Declared {
  const declared: Declared = new Map();
  if (!Array.isArray(schema)) return declared;
  for (const entry of schema) {
    if (entry && typeof entry === "object" && typeof (entry as { name?: unknown }).name === "string") {
      const { name, sensitive } = entry as { name: string; sensitive?: unknown };
      declared.set(name, sensitive === true || sensitive === "true");
    }
  }
  return declared;
}

function isSensitive(declared: Declared, name: string): boolean {
  return declared.get(name) ?? SECRET_NAME.test(name);
}

/** Every string form a value can take in a rendered script: strings, numbers, and those inside arrays/objects. */
function textForms(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (typeof value === "number" || typeof value === "bigint") into.push(String(value));
  else if (Array.isArray(value)) value.forEach((item) => textForms(item, into));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => textForms(item, into));
  return into;
}

/** The values of the sensitive parameters in `values`, as the strings they'd appear as in text. */
export function sensitiveValues(schema: unknown, values: unknown): string[] {
  if (!values || typeof values !== "object" || Array.isArray(values)) return [];
  const declared = declaredSensitivity(schema);
  const found = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (!isSensitive(declared, name)) continue;
    for (const form of textForms(value)) if (form.trim() && form !== REDACTED) found.add(form);
  }
  return [...found];
}

/** A copy of `values` with every sensitive parameter's value replaced by `[REDACTED]`. */
export function redactParameters(schema: unknown, values: unknown): Record<string, unknown> {
  if (!values || typeof values !== "object" || Array.isArray(values)) return {};
  const declared = declaredSensitivity(schema);
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, isSensitive(declared, name) ? REDACTED : value]),
  );
}

/**
 * Replaces every occurrence of any of `secrets` in `text` with `[REDACTED]`. Matching is literal
 * (no regex, so metacharacters are inert); overlapping or adjacent occurrences collapse into one
 * marker so no fragment of either value survives.
 */
export function redactValues(text: string, secrets: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const secret of secrets) {
    if (!secret) continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) ranges.push([at, at + secret.length]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((x, y) => x[0] - y[0]);
  let result = "";
  let cursor = 0;
  let [start, end] = ranges[0]!;
  for (const [nextStart, nextEnd] of ranges.slice(1)) {
    if (nextStart <= end) end = Math.max(end, nextEnd);
    else {
      result += text.slice(cursor, start) + REDACTED;
      cursor = end;
      [start, end] = [nextStart, nextEnd];
    }
  }
  return result + text.slice(cursor, start) + REDACTED + text.slice(end);
}

/** `text` with the value of every sensitive parameter (per `parametersSchema`) replaced by `[REDACTED]`. */
export function redactSensitive(text: string, parametersSchema: unknown, values: unknown): string {
  return redactValues(text, sensitiveValues(parametersSchema, values));
}
