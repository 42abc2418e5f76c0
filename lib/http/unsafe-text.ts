import { ZodError } from "zod";

/** Where in a payload a string sits: object keys and array indexes, outermost first (zod's shape). */
export type FieldPath = (string | number)[];

export type UnsafeTextIssue = {
  /** The string's field, or for a bad key the object holding that key. */
  path: FieldPath;
  /** Whether the character is in a string value or in a key (a field name). */
  in: "value" | "key";
  message: string;
};

// PostgreSQL refuses U+0000 in text and jsonb; a surrogate without its partner isn't a character
// at all (UTF-8 can't encode it, so it would be stored as U+FFFD). Without the `u` flag the
// pattern reads UTF-16 code units, which is what finds the unpaired halves.
const UNSAFE_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Enough for a person to fix the input; a payload full of them shouldn't make a huge answer.
const MAX_ISSUES = 10;
const MAX_KEY_SHOWN = 40;
const MAX_PATH_SHOWN = 120;

// Each entry points at its parent instead of copying its path, so a deep body costs linear time.
type Pending = { value: unknown; key?: string | number; parent?: Pending };

/**
 * Every string in `value` (objects, arrays, FormData, URLSearchParams, Maps and Sets, and their
 * keys) that holds U+0000 or an unpaired UTF-16 surrogate, each with a sentence naming its field
 * (`items[2].text`). Walks without recursion, so a deeply nested body can't overflow the stack.
 * Returns at most ten issues, in document order.
 */
export function findUnsafeText(value: unknown): UnsafeTextIssue[] {
  const issues: UnsafeTextIssue[] = [];
  const seen = new WeakSet<object>();
  const stack: Pending[] = [{ value }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === "string") {
      const bad = UNSAFE_CHARACTER.exec(current)?.[0];
      if (bad !== undefined) issues.push(issueAt(pathOf(entry), "value", bad));
      continue;
    }
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const children = childrenOf(current);
    for (const [key] of children) {
      const bad = typeof key === "string" ? UNSAFE_CHARACTER.exec(key)?.[0] : undefined;
      if (bad !== undefined) issues.push(issueAt(pathOf(entry), "key", bad));
    }
    // Pushed in reverse so they pop in document order.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [key, child] = children[index]!;
      stack.push({ value: child, key, parent: entry });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

/**
 * Throws a 422 (`invalid`, with zod-style `issues`) when any string or key in `value` holds
 * U+0000 or an unpaired surrogate; does nothing otherwise. A ZodError, so the one mapping in
 * lib/http/error-body.ts gives it the same body as every other refused field.
 */
export function refuseUnsafeText(value: unknown): void {
  const issues = findUnsafeText(value);
  if (issues.length === 0) return;
  throw new ZodError(issues.map((issue) => ({ code: "custom" as const, path: issue.path, message: issue.message, input: undefined })));
}

/**
 * `["items", 2, "text"]` → `items[2].text`; a key that isn't a plain name is quoted:
 * `parameters["Printer name"]`. Long keys and very deep paths are shortened with "…".
 */
export function formatFieldPath(path: FieldPath): string {
  let text = "";
  for (const segment of path) {
    if (text.length > MAX_PATH_SHOWN) return `${text}…`;
    if (typeof segment === "number") text += `[${segment}]`;
    else if (segment.length <= MAX_KEY_SHOWN && /^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment.length > MAX_KEY_SHOWN ? `${segment.slice(0, MAX_KEY_SHOWN)}…` : segment)}]`;
  }
  return text;
}

function childrenOf(container: object): [string | number, unknown][] {
  if (Array.isArray(container)) return container.map((item, index) => [index, item]);
  if (container instanceof Set) return [...container].map((item, index) => [index, item]);
  if (container instanceof Map) return [...container].map(([key, item]) => [typeof key === "string" ? key : String(key), item]);
  if (container instanceof FormData || container instanceof URLSearchParams) return [...container.entries()];
  const prototype = Object.getPrototypeOf(container);
  if (prototype === Object.prototype || prototype === null) return Object.entries(container);
  return []; // Dates, Files and other values carry no free text of their own here.
}

function pathOf(entry: Pending): FieldPath {
  const path: FieldPath = [];
  for (let at: Pending | undefined = entry; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

function issueAt(path: FieldPath, where: UnsafeTextIssue["in"], character: string): UnsafeTextIssue {
  const label = where === "value" ? fieldLabel(path) : keyLabel(path);
  return { path, in: where, message: `${label} contains ${characterName(character)}` };
}

function fieldLabel(path: FieldPath): string {
  return path.length === 0 ? "The input" : `The field ${formatFieldPath(path)}`;
}

function keyLabel(path: FieldPath): string {
  return path.length === 0 ? "A field name" : `A field name in ${formatFieldPath(path)}`;
}

function characterName(character: string): string {
  if (character === "\u0000") return "a null character (U+0000), which can't be stored. Remove it and try again.";
  const code = character.charCodeAt(0).toString(16).toUpperCase();
  return `an unpaired surrogate (U+${code}), which isn't valid Unicode text. Remove it and try again.`;
}
