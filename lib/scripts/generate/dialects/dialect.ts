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
export function siteAt(body: string, index: number, found: { name: string; end: number }, context: string, unsafe?: string | undefined): Site {
  const atLineStart = index === 0 || body[index - 1] === "\n";
  return { start: index, end: found.end, name: found.name, context, atLineStart, ...(unsafe ? { unsafe } : {}) };
}

/** Where a lexer reads: the position, the stack of frames there (innermost last) and the innermost one. */
export type Position<F> = { index: number; stack: F[]; frame: F };

/** A position where no placeholder starts and no comment is open, with what the lexer needs to read on. */
export type Cursor<F> = Position<F> & {
  char: string;
  next: string | undefined;
  /** Where a placeholder found while reading (right after an escape, in a skipped here-document) is recorded. */
  sites: Site[];
  /** Pushes `frame` and returns the index `width` characters on. */
  open: (frame: F, width: number) => number;
};

/** What a dialect's lexer tells the scan loop they all share (scanWith). */
export type Lexer<F> = {
  /** Whether `frame` is a line comment: it ends at the line break, which the frame beneath then reads. */
  isLineComment: (frame: F) => boolean;
  /** The context of a placeholder at `at`, and why no quoting holds there, if none does. */
  placeholder: (at: Position<F>) => { context: string; unsafe?: string | undefined };
  /** Reads the text at `at`, pushing and popping frames; returns where to read next. */
  step: (at: Cursor<F>) => number;
};

/**
 * The loop of every dialect that lexes its body with a stack of frames, starting in `start`: a
 * placeholder is recorded wherever one starts, a line comment runs to its line break, and all else
 * is the lexer's to read.
 */
export function scanWith<F>(body: string, start: F, lexer: Lexer<F>): Site[] {
  const sites: Site[] = [];
  const stack: F[] = [start];
  let index = 0;
  while (index < body.length) {
    const frame = stack.at(-1)!;
    const found = placeholderAt(body, index);
    if (found) {
      const { context, unsafe } = lexer.placeholder({ index, stack, frame });
      sites.push(siteAt(body, index, found, context, unsafe));
      index = found.end;
    } else if (lexer.isLineComment(frame)) {
      if (body[index] === "\n") stack.pop();
      else index += 1;
    } else {
      const at = index;
      const open = (inner: F, width: number) => {
        stack.push(inner);
        return at + width;
      };
      index = lexer.step({ index, stack, frame, char: body[index]!, next: body[index + 1], sites, open });
    }
  }
  return sites;
}

/**
 * An escape character at `index` (bash's and Python's backslash, PowerShell's backtick): a
 * placeholder right behind it is recorded, with `unsafe` where the escape would change the value;
 * otherwise the escaped character is passed over. Returns where to read next.
 */
export function skipEscape(body: string, index: number, sites: Site[], context: string, unsafe?: string): number {
  const escaped = placeholderAt(body, index + 1);
  if (!escaped) return index + 2;
  sites.push(siteAt(body, index + 1, escaped, context, unsafe));
  return escaped.end;
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

/** The words a language writes for true, false and a number left empty. */
export type LiteralWords = { true: string; false: string; noNumber: string };

/**
 * A value as a literal in code: numbers bare, booleans and an empty optional number as the
 * language's words, text (an empty one too) through the language's own `quote`.
 */
export function codeLiteral(value: ParameterValue, numeric: boolean, words: LiteralWords, quote: (text: string) => string): string {
  if (value === null) return numeric ? words.noNumber : quote("");
  if (typeof value === "boolean") return value ? words.true : words.false;
  if (typeof value === "number") return String(value);
  return quote(value);
}

/** Line breaks would end a comment and start code; inside one, a value's line breaks become spaces. */
export const flattenLines = (text: string) => text.replace(/\r\n|[\r\n]/g, " ");

/** True when `char` (the one before a `#`) ends a word, so the `#` opens a comment; `extra` adds separators. */
export const endsWord = (char: string | undefined, extra = "") => char === undefined || /\s/.test(char) || ";&|()<>".includes(char) || extra.includes(char);
