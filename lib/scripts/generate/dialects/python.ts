import { placeholderAt, siteAt, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";
import type { ParameterValue } from "@/lib/scripts/generate/parameter-values";

/*
 * Python. A value becomes a double-quoted string literal, repr-like, in which both quote kinds,
 * backslashes, line breaks and every other control or line-separator character are escapes, so
 * the literal holds no character that could end a string or a comment. Numbers are bare, booleans
 * True/False, an empty optional number None. Inside a string literal the value is escaped for
 * that string (f-strings: braces doubled, so `{…}` can't run); inside a raw string, where nothing
 * can be escaped, a value with a quote, a backslash or (single-line) a line break is refused.
 * Refused: bytes literals, and a placeholder right after a backslash in code or a normal string.
 */

type StringFrame = { kind: "string"; quote: string; raw: boolean; format: boolean; bytes: boolean };
type Frame = { kind: "code" } | { kind: "comment" } | { kind: "fexpr"; depth: number } | StringFrame;

const PREFIX = /^[rRbBuUfF]{1,2}$/;

/** The string prefix (r, b, f, rb, fr, u…) written right before the quote at `index`. */
function prefixBefore(body: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 2 && /[rRbBuUfF]/.test(body[start - 1]!)) start -= 1;
  if (start === index || (start > 0 && /[A-Za-z0-9_]/.test(body[start - 1]!))) return "";
  const prefix = body.slice(start, index).toLowerCase();
  return PREFIX.test(prefix) ? prefix : "";
}

function contextOf(frame: Frame): string {
  if (frame.kind !== "string") return frame.kind === "comment" ? "comment" : "code";
  if (!frame.raw) return frame.format ? "fstring" : "string";
  return `raw${frame.format ? "f" : ""}${frame.quote.length === 3 ? "3" : ""}`;
}

function scan(body: string): Site[] {
  const sites: Site[] = [];
  const stack: Frame[] = [{ kind: "code" }];
  let i = 0;
  while (i < body.length) {
    const frame = stack.at(-1)!;
    const found = placeholderAt(body, i);
    if (found) {
      sites.push(siteAt(body, i, found, contextOf(frame), frame.kind === "string" && frame.bytes ? "inside a bytes literal" : undefined));
      i = found.end;
      continue;
    }
    const char = body[i]!;
    if (frame.kind === "comment") {
      if (char === "\n") stack.pop();
      else i += 1;
      continue;
    }
    if (char === "\\") {
      const escaped = placeholderAt(body, i + 1);
      if (escaped) {
        const harmless = frame.kind === "string" && frame.raw;
        sites.push(siteAt(body, i + 1, escaped, contextOf(frame), harmless ? undefined : "right after a backslash"));
        i = escaped.end;
      } else i += 2;
      continue;
    }
    if (frame.kind === "string") {
      if (body.startsWith(frame.quote, i)) {
        stack.pop();
        i += frame.quote.length;
      } else if (frame.format && (char === "{" || char === "}")) {
        if (body[i + 1] === char) i += 2;
        else {
          if (char === "{") stack.push({ kind: "fexpr", depth: 1 });
          i += 1;
        }
      } else {
        // An unterminated one-line string ends at the line break (Python refuses it anyway).
        if (char === "\n" && frame.quote.length === 1) stack.pop();
        i += 1;
      }
      continue;
    }
    if (char === "'" || char === '"') {
      const prefix = prefixBefore(body, i);
      const quote = body.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
      stack.push({ kind: "string", quote, raw: prefix.includes("r"), format: prefix.includes("f"), bytes: prefix.includes("b") });
      i += quote.length;
      continue;
    }
    if (frame.kind === "fexpr" && (char === "{" || char === "}")) {
      frame.depth += char === "{" ? 1 : -1;
      if (frame.depth === 0) stack.pop();
    } else if (char === "#" && frame.kind === "code") stack.push({ kind: "comment" });
    i += 1;
  }
  return sites;
}

/** The text of `value` as the inside of a string literal: every character that could end it escaped. */
export function escapeForString(text: string, format: boolean): string {
  let escaped = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\" || char === "'" || char === '"') escaped += `\\${char}`;
    else if (char === "\n") escaped += "\\n";
    else if (char === "\r") escaped += "\\r";
    else if (char === "\t") escaped += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) escaped += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) escaped += `\\u${code.toString(16).padStart(4, "0")}`;
    else if (format && (char === "{" || char === "}")) escaped += char + char;
    else escaped += char;
  }
  return escaped;
}

/** The value as a Python literal in code. */
function literal(value: ParameterValue, numeric: boolean): string {
  if (value === null) return numeric ? "None" : '""';
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return `"${escapeForString(value, false)}"`;
}

export const python: Dialect = {
  extension: ".py",
  scan,
  place(value, type, site) {
    const text = value === null ? "" : typeof value === "boolean" ? (value ? "True" : "False") : String(value);
    if (site.context === "string" || site.context === "fstring") return { text: escapeForString(text, site.context === "fstring") };
    if (site.context.startsWith("raw")) {
      if (/['"\\]/.test(text)) return { refused: "can't contain quotes or backslashes here: the template puts it inside a raw string (r'…'), where they can't be escaped." };
      if (!site.context.endsWith("3") && /[\r\n]/.test(text)) return { refused: "can't contain a line break here: the template puts it inside a one-line raw string." };
      return { text: site.context.includes("f") ? text.replace(/[{}]/g, (brace) => brace + brace) : text };
    }
    return { text: literal(value, type === "number") };
  },
};
