/**
 * Tokenizer for ConnectWise `conditions` (reference §2.2). Strings are `"…"` or `'…'`; inside
 * one, a backslash escapes the next character only when it is a quote or a backslash
 * (`\"`, `\'`, `\\`), any other backslash is literal. The real API's rule for embedded quotes is
 * undocumented: a builder that wraps a value containing `"` in single quotes (and vice versa)
 * works unchanged here, and so does one that backslash-escapes.
 */
import { CwHttpError } from "./http";

export type Token =
  | { kind: "path"; text: string; at: number }
  | { kind: "keyword"; text: "and" | "or" | "not" | "like" | "contains" | "in" | "true" | "false" | "null"; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "number"; text: string; value: number; at: number }
  | { kind: "datetime"; text: string; at: number }
  | { kind: "op"; text: "=" | "!=" | "<" | "<=" | ">" | ">="; at: number }
  | { kind: "punct"; text: "(" | ")" | ","; at: number }
  | { kind: "end"; text: ""; at: number };

const KEYWORDS = new Set(["and", "or", "not", "like", "contains", "in", "true", "false", "null"]);
const PATH = /[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;

/** The server's hint about literals, after the wording CW's own 400s use. */
export const LITERAL_HINT =
  "String values should be enclosed with double or single quotes; DateTime values should be enclosed in square brackets; numbers should consist of only digits, and optionally a decimal point and a negation sign; boolean values should be indicated with the keywords true or false; null values should be indicated by the keyword null.";

export function conditionsError(message: string): CwHttpError {
  return new CwHttpError(400, "ApiFindCondition", message);
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (char === '"' || char === "'") {
      const [text, end] = readString(source, at);
      tokens.push({ kind: "string", text, at });
      at = end;
      continue;
    }
    if (char === "[") {
      const end = source.indexOf("]", at);
      if (end < 0) throw conditionsError(`Unterminated DateTime value starting at position ${at}: expected ']'. ${LITERAL_HINT}`);
      tokens.push({ kind: "datetime", text: source.slice(at + 1, end).trim(), at });
      at = end + 1;
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: "punct", text: char, at });
      at += 1;
      continue;
    }
    const two = source.slice(at, at + 2);
    if (two === "!=" || two === "<=" || two === ">=") {
      tokens.push({ kind: "op", text: two, at });
      at += 2;
      continue;
    }
    if (char === "=" || char === "<" || char === ">") {
      tokens.push({ kind: "op", text: char, at });
      at += 1;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(source);
    if (number && (char === "-" || /\d/.test(char))) {
      tokens.push({ kind: "number", text: number[0], value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    PATH.lastIndex = at;
    const path = PATH.exec(source);
    if (path) {
      const lower = path[0].toLowerCase();
      if (KEYWORDS.has(lower)) tokens.push({ kind: "keyword", text: lower as Extract<Token, { kind: "keyword" }>["text"], at });
      else tokens.push({ kind: "path", text: path[0], at });
      at += path[0].length;
      continue;
    }
    throw conditionsError(`Unexpected character '${char}' at position ${at} in conditions. ${LITERAL_HINT}`);
  }
  tokens.push({ kind: "end", text: "", at });
  return tokens;
}

function readString(source: string, start: number): [string, number] {
  const quote = source[start]!;
  let text = "";
  let at = start + 1;
  while (at < source.length) {
    const char = source[at]!;
    if (char === "\\" && (source[at + 1] === '"' || source[at + 1] === "'" || source[at + 1] === "\\")) {
      text += source[at + 1];
      at += 2;
      continue;
    }
    if (char === quote) return [text, at + 1];
    text += char;
    at += 1;
  }
  throw conditionsError(`Unterminated string value starting at position ${start}: expected a closing ${quote}. ${LITERAL_HINT}`);
}
