import { endsWord, flattenLines, placeholderAt, siteAt, textOf, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";
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
  const sites: Site[] = [];
  const stack: Frame[] = ["code"];
  let i = 0;
  const lineStart = (index: number) => index === 0 || body[index - 1] === "\n";
  const push = (frame: Frame, width: number) => {
    stack.push(frame);
    i += width;
  };
  while (i < body.length) {
    const frame = stack.at(-1)!;
    const found = placeholderAt(body, i);
    if (found) {
      const afterDollar = body[i - 1] === "$" && ESCAPING.has(frame);
      const unsafe = afterDollar ? "right after a $" : stack.includes("brace") ? "inside a ${…} variable name" : undefined;
      sites.push(siteAt(body, i, found, frame, unsafe));
      i = found.end;
      continue;
    }
    const char = body[i]!;
    const next = body[i + 1];
    if (frame === "comment") {
      if (char === "\n") stack.pop();
      else i += 1;
    } else if (frame === "block") {
      if (char === "#" && next === ">") stack.pop();
      i += char === "#" && next === ">" ? 2 : 1;
    } else if (frame === "sq") {
      if (isSingle(char) && isSingle(next)) i += 2;
      else {
        if (isSingle(char)) stack.pop();
        i += 1;
      }
    } else if (frame === "hsq") {
      if (lineStart(i) && isSingle(char) && next === "@") stack.pop();
      i += lineStart(i) && isSingle(char) && next === "@" ? 2 : 1;
    } else if (char === "`") {
      const escaped = placeholderAt(body, i + 1);
      if (escaped) sites.push(siteAt(body, i + 1, escaped, frame, "right after a backtick"));
      i = escaped ? escaped.end : i + 2;
    } else if (frame === "dq" && isDouble(char)) {
      if (!isDouble(next)) stack.pop();
      i += isDouble(next) ? 2 : 1;
    } else if (frame === "hdq" && lineStart(i) && isDouble(char) && next === "@") {
      stack.pop();
      i += 2;
    } else if (char === "$" && next === "(") push("paren", 2);
    else if (char === "$" && next === "{" && !placeholderAt(body, i + 1)) push("brace", 2);
    else if (frame === "dq" || frame === "hdq") i += 1;
    else if (frame === "brace" && char === "}") {
      stack.pop();
      i += 1;
    } else if (char === "@" && hereStringOpensAt(body, i)) {
      push(isSingle(next) ? "hsq" : "hdq", hereStringOpensAt(body, i));
    } else if (isSingle(char)) push("sq", 1);
    else if (isDouble(char)) push("dq", 1);
    else if (char === "<" && next === "#") push("block", 2);
    else if (char === "#" && endsWord(body[i - 1], "{}")) push("comment", 1);
    else if (char === "(") push("paren", 1);
    else {
      if (char === ")" && frame === "paren") stack.pop();
      i += 1;
    }
  }
  return sites;
}

/** The length of the here-string opener (@' or @" up to its line break) at `index`, or 0. */
function hereStringOpensAt(body: string, index: number): number {
  HERE_STRING_OPEN.lastIndex = index;
  return HERE_STRING_OPEN.exec(body) ? HERE_STRING_OPEN.lastIndex - index : 0;
}

export const doubleSingles = (text: string) => text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote);
export const escapeExpandable = (text: string) => text.replace(/[`$"\u201C\u201D\u201E]/g, (special) => `\`${special}`);

/** The value as a PowerShell literal in code. */
function literal(value: ParameterValue, numeric: boolean): string {
  if (value === null) return numeric ? "$null" : "''";
  if (typeof value === "boolean") return value ? "$true" : "$false";
  if (typeof value === "number") return String(value);
  return `'${doubleSingles(value)}'`;
}

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
