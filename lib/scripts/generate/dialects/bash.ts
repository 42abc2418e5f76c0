import { codeLiteral, endsWord, flattenLines, placeholderAt, scanWith, skipEscape, unsafeSitesIn, type Dialect, type Site } from "@/lib/scripts/generate/dialects/dialect";
import type { ParameterValue } from "@/lib/scripts/generate/parameter-values";

/*
 * Bash. A value becomes one single-quoted word, `'` written as `'\''`: nothing expands inside
 * single quotes, so `$(…)`, backticks, `;` and newlines stay text. Numbers and true/false are
 * plain words. Inside a string the literal is spliced in by closing and reopening it ("a "'v'" b",
 * 'a ''v'' b'), so the value is single-quoted wherever it lands. Refused, because no quoting holds
 * there: here-documents, `…` substitutions, ${…} expansions, and a placeholder right after `\` or `$`.
 */

type Frame = "code" | "paren" | "arith" | "sq" | "ansi" | "dq" | "comment" | "backtick" | "brace";

const UNSAFE: Partial<Record<Frame, string>> = {
  backtick: "inside a `…` command substitution (use $(…) instead)",
  brace: "inside a ${…} expansion",
};
const AFTER_DOLLAR_MATTERS = new Set<Frame>(["code", "paren", "arith", "dq"]);
const BASH_WORDS = { true: "true", false: "false", noNumber: "''" };
const HEREDOC = /<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([^\s;&|()<>'"]+))/y;

type Heredoc = { delimiter: string; stripTabs: boolean };

/** Skips the bodies of the here-documents opened on the line that ends at `newline`. */
function skipHeredocs(body: string, newline: number, heredocs: Heredoc[], sites: Site[]): number {
  let position = newline + 1;
  for (const heredoc of heredocs) {
    while (position < body.length) {
      const lineEnd = body.indexOf("\n", position) === -1 ? body.length : body.indexOf("\n", position);
      const line = body.slice(position, lineEnd);
      const next = lineEnd + 1;
      if ((heredoc.stripTabs ? line.replace(/^\t+/, "") : line) === heredoc.delimiter) {
        position = next;
        break;
      }
      sites.push(...unsafeSitesIn(body, position, lineEnd, "heredoc", "inside a here-document"));
      position = next;
    }
  }
  return position;
}

function scan(body: string): Site[] {
  let heredocs: Heredoc[] = [];
  return scanWith<Frame>(body, "code", {
    isLineComment: (frame) => frame === "comment",
    placeholder({ index: i, stack, frame }) {
      // `$'…'` would read the value's backslashes as escapes, so `${{name}}` can't be made literal.
      const afterDollar = body[i - 1] === "$" && AFTER_DOLLAR_MATTERS.has(frame);
      return { context: frame, unsafe: afterDollar ? "right after a $" : stack.map((entry) => UNSAFE[entry]).find(Boolean) };
    },
    step({ index: i, stack, frame, char, next, sites, open }) {
      if (frame === "sq") {
        if (char === "'") stack.pop();
        return i + 1;
      }
      if (char === "\\") return skipEscape(body, i, sites, frame, "right after a backslash");
      if (frame === "ansi" && char === "'") stack.pop();
      else if (frame === "backtick" && char === "`") stack.pop();
      else if (frame === "brace" && char === "}") stack.pop();
      else if (frame === "dq" && char === '"') stack.pop();
      else if (frame === "arith" && char === ")" && next === ")") {
        stack.pop();
        return i + 2;
      } else if (frame === "ansi") {
        // only \ and ' matter inside $'…'
      } else if (char === "$" && next === "(" && body[i + 2] === "(") return open("arith", 3);
      else if (char === "$" && next === "(") return open("paren", 2);
      else if (char === "$" && next === "{" && !placeholderAt(body, i + 1)) return open("brace", 2);
      else if (char === "`") stack.push("backtick");
      else if (frame === "dq" || frame === "backtick") {
        // the rest of a double-quoted string or a `…` substitution is text to this lexer
      } else if (char === "'") stack.push("sq");
      else if (char === "$" && next === "'") return open("ansi", 2);
      else if (char === "$" && next === '"') return open("dq", 2);
      else if (char === '"') stack.push("dq");
      else if (char === "(" && next === "(" && frame !== "arith") return open("arith", 2);
      else if (char === "(") stack.push("paren");
      else if (char === ")" && frame === "paren") stack.pop();
      else if (char === "#" && endsWord(body[i - 1])) stack.push("comment");
      else if (char === "<" && next === "<" && body[i + 2] !== "<" && frame !== "arith") {
        HEREDOC.lastIndex = i;
        const match = HEREDOC.exec(body);
        if (match) {
          heredocs.push({ delimiter: match[2] ?? match[3] ?? match[4]!, stripTabs: match[1] === "-" });
          return HEREDOC.lastIndex;
        }
      } else if (char === "\n" && heredocs.length > 0) {
        const after = skipHeredocs(body, i, heredocs, sites);
        heredocs = [];
        return after;
      }
      return i + 1;
    },
  });
}

/** The inside of a single-quoted word: each `'` closes, adds an escaped quote, and reopens. */
export const escapeSingleQuoted = (text: string) => text.replaceAll("'", `'\\''`);

/** The value as one bash word. */
const literal = (value: ParameterValue) => codeLiteral(value, false, BASH_WORDS, (text) => `'${escapeSingleQuoted(text)}'`);

export const bash: Dialect = {
  extension: ".sh",
  scan,
  place(value, _type, site) {
    const word = literal(value);
    if (site.context === "sq") return { text: `'${word}'` };
    if (site.context === "ansi") return { text: `'${word}$'` };
    if (site.context === "dq") return { text: `"${word}"` };
    if (site.context === "comment") return { text: flattenLines(word) };
    return { text: word };
  },
};
