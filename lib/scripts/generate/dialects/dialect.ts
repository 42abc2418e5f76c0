import type { ParameterValue } from "@/lib/scripts/generate/parameter-values";
import type { ParameterType } from "@/lib/scripts/parameter-schema";

/**
 * Where a `{{name}}` sits in a template body, as the language's own lexer would see it: bare code,
 * inside a string of some kind, in a comment. `unsafe` names a place where no quoting keeps a
 * value literal (a here-document, a backtick substitution…); rendering refuses those.
 */
export type Site = { start: number; end: number; name: string; context: string; unsafe?: string; atLineStart: boolean };

/** What to write at a site: the text, or why this value can't go there (shown against the field). */
export type Placement = { text: string } | { refused: string };

export type Dialect = {
  /** The file extension, with its dot. */
  extension: string;
  /** Every placeholder of `body` with its context, in order. */
  scan: (body: string) => Site[];
  /** The text that makes `value` a literal in `site`'s context. */
  place: (value: ParameterValue, type: ParameterType, site: Site) => Placement;
};

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/y;

/** The placeholder starting exactly at `index`, if one does. */
export function placeholderAt(body: string, index: number): { name: string; end: number } | null {
  if (body.charCodeAt(index) !== 123 || body.charCodeAt(index + 1) !== 123) return null;
  PLACEHOLDER.lastIndex = index;
  const match = PLACEHOLDER.exec(body);
  return match ? { name: match[1]!, end: PLACEHOLDER.lastIndex } : null;
}

/** A site record for the placeholder at `index`. */
export function siteAt(body: string, index: number, found: { name: string; end: number }, context: string, unsafe?: string): Site {
  const atLineStart = index === 0 || body[index - 1] === "\n";
  return { start: index, end: found.end, name: found.name, context, atLineStart, ...(unsafe ? { unsafe } : {}) };
}

/** Every placeholder in `text` (offset by `from`), all marked unsafe for `reason`. */
export function unsafeSitesIn(body: string, from: number, to: number, context: string, reason: string): Site[] {
  const sites: Site[] = [];
  for (let index = from; index < to; index += 1) {
    const found = placeholderAt(body, index);
    if (found && found.end <= to) {
      sites.push(siteAt(body, index, found, context, reason));
      index = found.end - 1;
    }
  }
  return sites;
}

/** A value as plain text inside a string: what the language would print for it. */
export function textOf(value: ParameterValue, booleans: [string, string]): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? booleans[0] : booleans[1];
  return String(value);
}

/** Line breaks would end a comment and start code; inside one, a value's line breaks become spaces. */
export const flattenLines = (text: string) => text.replace(/\r\n|[\r\n]/g, " ");

/** True when `char` (the one before a `#`) ends a word, so the `#` opens a comment; `extra` adds separators. */
export const endsWord = (char: string | undefined, extra = "") => char === undefined || /\s/.test(char) || ";&|()<>".includes(char) || extra.includes(char);
