import { codeLiteral, endsWord, flattenLines, placeholderAt, scanWith, skipEscape, textOf, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";
import type { ParameterValue } from "@/lib/scripts/generate/parameter-values";

/*
 * PowerShell. A value becomes a single-quoted literal with every single quote doubled; PowerShell
 * also ends such a string at the typographic quotes ‘ ’ ‚ ‛, so those are doubled too. Nothing
 * expands in single quotes: `$(…)`, `$var` and backticks stay text. Numbers are bare, booleans
 * $true/$false, an empty optional number $null. Inside '…' the value's quotes are doubled;
 * inside "…" or @"…"@ every ` $ and double quote (" “ ” „) gets a backtick; inside @'…'@ the value
 * is copied but may not hold a line break; in comments line breaks become spaces and #> is broken.
 * Refused: ${…} variable names and a placeholder right after ` or $.
 */

type Frame = "code" | "paren" | "sq" | "dq" | "hsq" | "hdq" | "comment" | "block" | "brace";

const SINGLE = "'\u2018\u2019\u201A\u201B";
const DOUBLE = '"\u201C\u201D\u201E';
const isSingle = (char: string | undefined) => char !== undefined && SINGLE.includes(char);
const isDouble = (char: string | undefined) => char !== undefined && DOUBLE.includes(char);
const ESCAPING = new Set<Frame>(["code", "paren", "dq", "hdq", "brace"]);
const HERE_STRING_OPEN = /@(['\u2018\u2019\u201A\u201B"\u201C\u201D\u201E])[ \t]*\r?\n/y;

function scan(body: string): Site[] {
  const lineStart = (index: number) => index === 0 || body[index - 1] === "\n";
  return scanWith<Frame>(body, "code", {
    isLineComment: (frame) => frame === "comment",
    placeholder({ index: i, stack, frame }) {
      const afterDollar = body[i - 1] === "$" && ESCAPING.has(frame);
      return { context: frame, unsafe: afterDollar ? "right after a $" : stack.includes("brace") ? "inside a ${…} variable name" : undefined };
    },
    step({ index: i, stack, frame, char, next, sites, open }) {
      if (frame === "block") {
        if (char === "#" && next === ">") stack.pop();
        return i + (char === "#" && next === ">" ? 2 : 1);
      }
      if (frame === "sq") {
        if (isSingle(char) && isSingle(next)) return i + 2;
        if (isSingle(char)) stack.pop();
        return i + 1;
      }
      if (frame === "hsq") {
        if (lineStart(i) && isSingle(char) && next === "@") stack.pop();
        return i + (lineStart(i) && isSingle(char) && next === "@" ? 2 : 1);
      }
      if (char === "`") return skipEscape(body, i, sites, frame, "right after a backtick");
      if (frame === "dq" && isDouble(char)) {
        if (!isDouble(next)) stack.pop();
        return i + (isDouble(next) ? 2 : 1);
      }
      if (frame === "hdq" && lineStart(i) && isDouble(char) && next === "@") {
        stack.pop();
        return i + 2;
      }
      if (char === "$" && next === "(") return open("paren", 2);
      if (char === "$" && next === "{" && !placeholderAt(body, i + 1)) return open("brace", 2);
      if (frame === "dq" || frame === "hdq") return i + 1;
      if (frame === "brace" && char === "}") {
        stack.pop();
        return i + 1;
      }
      if (char === "@" && hereStringOpensAt(body, i)) return open(isSingle(next) ? "hsq" : "hdq", hereStringOpensAt(body, i));
      if (isSingle(char)) return open("sq", 1);
      if (isDouble(char)) return open("dq", 1);
      if (char === "<" && next === "#") return open("block", 2);
      if (char === "#" && endsWord(body[i - 1], "{}")) return open("comment", 1);
      if (char === "(") return open("paren", 1);
      if (char === ")" && frame === "paren") stack.pop();
      return i + 1;
    },
  });
}

/** The length of the here-string opener (@' or @" up to its line break) at `index`, or 0. */
function hereStringOpensAt(body: string, index: number): number {
  HERE_STRING_OPEN.lastIndex = index;
  return HERE_STRING_OPEN.exec(body) ? HERE_STRING_OPEN.lastIndex - index : 0;
}

export const doubleSingles = (text: string) => text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote);
export const escapeExpandable = (text: string) => text.replace(/[`$"\u201C\u201D\u201E]/g, (special) => `\`${special}`);

const POWERSHELL_WORDS = { true: "$true", false: "$false", noNumber: "$null" };

/** The value as a PowerShell literal in code. */
const literal = (value: ParameterValue, numeric: boolean) => codeLiteral(value, numeric, POWERSHELL_WORDS, (text) => `'${doubleSingles(text)}'`);

export const powershell: Dialect = {
  extension: ".ps1",
  scan,
  place(value, type, site) {
    const text = textOf(value, ["True", "False"]);
    switch (site.context) {
      case "sq":
        return { text: doubleSingles(text) };
      case "dq":
      case "hdq":
        return { text: escapeExpandable(text) };
      case "hsq":
        if (/[\r\n]/.test(text)) return { refused: "can't contain a line break here: the template puts it inside a @'…'@ here-string." };
        if (site.atLineStart && isSingle(text[0]) && text[1] === "@") return { refused: "can't start with '@ here: it would end the template's here-string." };
        return { text };
      case "comment":
      case "block":
        return { text: flattenLines(literal(value, type === "number")).replaceAll("#>", "# >") };
      default:
        return { text: literal(value, type === "number") };
    }
  },
};
