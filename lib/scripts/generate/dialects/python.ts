import { codeLiteral, scanWith, skipEscape, textOf, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";
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
  return scanWith<Frame>(body, { kind: "code" }, {
    isLineComment: (frame) => frame.kind === "comment",
    placeholder: ({ frame }) => ({ context: contextOf(frame), unsafe: frame.kind === "string" && frame.bytes ? "inside a bytes literal" : undefined }),
    step({ index: i, stack, frame, char, sites }) {
      if (char === "\\") {
        const harmless = frame.kind === "string" && frame.raw;
        return skipEscape(body, i, sites, contextOf(frame), harmless ? undefined : "right after a backslash");
      }
      if (frame.kind === "string") {
        if (body.startsWith(frame.quote, i)) {
          stack.pop();
          return i + frame.quote.length;
        }
        if (frame.format && (char === "{" || char === "}")) {
          if (body[i + 1] === char) return i + 2;
          if (char === "{") stack.push({ kind: "fexpr", depth: 1 });
          return i + 1;
        }
        // An unterminated one-line string ends at the line break (Python refuses it anyway).
        if (char === "\n" && frame.quote.length === 1) stack.pop();
        return i + 1;
      }
      if (char === "'" || char === '"') {
        const prefix = prefixBefore(body, i);
        const quote = body.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
        stack.push({ kind: "string", quote, raw: prefix.includes("r"), format: prefix.includes("f"), bytes: prefix.includes("b") });
        return i + quote.length;
      }
      if (frame.kind === "fexpr" && (char === "{" || char === "}")) {
        frame.depth += char === "{" ? 1 : -1;
        if (frame.depth === 0) stack.pop();
      } else if (char === "#" && frame.kind === "code") stack.push({ kind: "comment" });
      return i + 1;
    },
  });
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

const PYTHON_WORDS = { true: "True", false: "False", noNumber: "None" };

/** The value as a Python literal in code. */
const literal = (value: ParameterValue, numeric: boolean) => codeLiteral(value, numeric, PYTHON_WORDS, (text) => `"${escapeForString(text, false)}"`);

export const python: Dialect = {
  extension: ".py",
  scan,
  place(value, type, site) {
    const text = textOf(value, [PYTHON_WORDS.true, PYTHON_WORDS.false]);
    if (site.context === "string" || site.context === "fstring") return { text: escapeForString(text, site.context === "fstring") };
    if (site.context.startsWith("raw")) {
      if (/['"\\]/.test(text)) return { refused: "can't contain quotes or backslashes here: the template puts it inside a raw string (r'…'), where they can't be escaped." };
      if (!site.context.endsWith("3") && /[\r\n]/.test(text)) return { refused: "can't contain a line break here: the template puts it inside a one-line raw string." };
      return { text: site.context.includes("f") ? text.replace(/[{}]/g, (brace) => brace + brace) : text };
    }
    return { text: literal(value, type === "number") };
  },
};
