/**
 * A tiny builder for ConnectWise `conditions` strings (reference §2.2). User input only ever
 * enters as a typed value, rendered as one literal it can't leave; field paths are code, checked
 * against a pattern. Nothing else builds a conditions string.
 *
 * Literals: number → bare digits; boolean → true/false; Date → [yyyy-MM-ddTHH:mm:ssZ];
 * null → null; string → quoted. CW has no documented escape for a quote inside a string literal,
 * so the quote is chosen to be one the value doesn't contain: "…" by default, '…' when the value
 * contains a double quote. A backslash may be an escape character in CW's parser (`\"` would
 * then not end the literal), and a value with both quote kinds has no safe quote:
 * - as an exact value (`eq`, `ne`, `in`, `contains`) either is refused with `ConditionValueError`;
 * - in `like` text a backslash is written as the set `[\]` (a literal backslash in SQL-Server
 *   LIKE; a quote never follows it, so even an escaping parser can't be walked out of the
 *   literal), and the double quotes of a two-quote value become the one-character wildcard `_`
 *   (the search still finds the text; a slightly wider match is harmless for a search).
 * Control characters (newlines, tabs, NUL…) are always refused: normalise whitespace before.
 * In `like` text the SQL-Server LIKE wildcards `%`, `_`, `[` (and CW's `*`) are escaped as
 * `[%]`, `[_]`, `[[]`, `[*]`, so free text only ever matches literally.
 */

/** A value the builder refuses to put into a conditions string (the message says why). */
export class ConditionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConditionValueError";
  }
}

const builderOnly = Symbol("conditions builder");

/** A built condition; only this module can make one. `compound` ones are parenthesised when nested. */
export class Condition {
  constructor(
    token: typeof builderOnly,
    readonly text: string,
    readonly compound: boolean,
  ) {
    if (token !== builderOnly) throw new ConditionValueError("Conditions are made by the builder only.");
  }
  toString() {
    return this.text;
  }
}

const make = (text: string, compound: boolean) => new Condition(builderOnly, text, compound);

export type ConditionValue = string | number | boolean | Date | null;
type Maybe<T> = T | null | undefined | false | "";

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;
// C0 controls, DEL and C1 controls; CW turns \n and \r into spaces, others are unsupported (§2.2).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function field(path: string): string {
  if (!FIELD.test(path)) throw new ConditionValueError(`Not a ConnectWise field path: ${JSON.stringify(path)}`);
  return path;
}

function quoted(value: string, allowBackslash = false): string {
  if (CONTROL.test(value)) throw new ConditionValueError("Text for a ConnectWise search can't contain line breaks or control characters.");
  if (!allowBackslash && value.includes("\\")) throw new ConditionValueError("Text for a ConnectWise search can't contain a backslash (\\).");
  const double = value.includes('"');
  if (double && value.includes("'")) throw new ConditionValueError("Text for a ConnectWise search can't contain both ' and \" quotes.");
  return double ? `'${value}'` : `"${value}"`;
}

/** `value` as a conditions literal (see the module comment). */
export function literal(value: ConditionValue): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    const text = String(value);
    if (!Number.isFinite(value) || /e/i.test(text)) throw new ConditionValueError(`Not a number ConnectWise accepts: ${text}`);
    return text;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ConditionValueError("Not a valid date.");
    return `[${value.toISOString().replace(/\.\d{3}Z$/, "Z")}]`;
  }
  if (typeof value === "string") return quoted(value);
  throw new ConditionValueError(`Unsupported condition value: ${typeof value}`);
}

/** Free text for `like`: wildcards and backslashes bracketed, `"` of a two-quote value → `_` (see the module comment). */
function likeText(text: string): string {
  let safe = text.replace(/[[%_*\\]/g, (char) => `[${char}]`);
  if (safe.includes('"') && safe.includes("'")) safe = safe.replace(/"/g, "_");
  return safe;
}

const simple = (path: string, operator: string, value: ConditionValue) => make(`${field(path)} ${operator} ${literal(value)}`, false);

function join(operator: "and" | "or", parts: Maybe<Condition>[]): Condition | null {
  const present = parts.filter((part): part is Condition => part instanceof Condition);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0]!;
  return make(present.map((part) => (part.compound ? `(${part.text})` : part.text)).join(` ${operator} `), true);
}

export type LikeMode = "contains" | "prefix" | "suffix" | "exact";

export const cond = {
  eq: (path: string, value: ConditionValue) => simple(path, "=", value),
  ne: (path: string, value: ConditionValue) => simple(path, "!=", value),
  lt: (path: string, value: number | Date) => simple(path, "<", value),
  le: (path: string, value: number | Date) => simple(path, "<=", value),
  gt: (path: string, value: number | Date) => simple(path, ">", value),
  ge: (path: string, value: number | Date) => simple(path, ">=", value),
  /** `path like "%text%"` (or `text%`, `%text`, `text`), the text matched literally. */
  like(path: string, text: string, mode: LikeMode = "contains") {
    const body = likeText(text);
    const pattern = { contains: `%${body}%`, prefix: `${body}%`, suffix: `%${body}`, exact: body }[mode];
    // Every backslash in `pattern` sits inside a `[\]` set, never right before a quote.
    return make(`${field(path)} like ${quoted(pattern, true)}`, false);
  },
  /** CW's `contains` operator (a substring match on the literal). */
  contains: (path: string, text: string) => make(`${field(path)} contains ${quoted(text)}`, false),
  in(path: string, values: readonly Exclude<ConditionValue, null>[]) {
    if (values.length === 0) throw new ConditionValueError(`An "in" condition on ${path} needs at least one value.`);
    return make(`${field(path)} in (${values.map(literal).join(", ")})`, false);
  },
  /** All of `parts` (falsy parts are skipped, so optional filters read naturally); null when none. */
  and: (...parts: Maybe<Condition>[]) => join("and", parts),
  /** Any of `parts`; null when none. */
  or: (...parts: Maybe<Condition>[]) => join("or", parts),
};
