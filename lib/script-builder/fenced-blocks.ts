/** A reply split into prose and fenced code, in order. An unclosed fence (a reply still streaming) runs to the end. */
export type TextSegment = { kind: "prose"; text: string } | { kind: "code"; info: string; code: string; closed: boolean };

const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;

function isClosing(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return Boolean(match && match[1]![0] === fence[0] && match[1]!.length >= fence.length);
}

/**
 * Splits markdown-ish text on ``` / ~~~ fences (CommonMark's rules, simplified: the info string
 * is its first word, lower-cased). Pure, so the page can render a reply as it streams and the
 * server can pick the script out of the finished one with the same reading.
 */
export function splitFencedBlocks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  let code: { fence: string; info: string; lines: string[] } | null = null;

  const pushProse = () => {
    const joined = prose.join("\n");
    if (joined.trim()) segments.push({ kind: "prose", text: joined.replace(/^\n+|\s+$/g, "") });
    prose = [];
  };

  for (const line of lines) {
    if (code) {
      if (isClosing(line, code.fence)) {
        segments.push({ kind: "code", info: code.info, code: code.lines.join("\n"), closed: true });
        code = null;
      } else {
        code.lines.push(line);
      }
      continue;
    }
    const opening = OPENING.exec(line);
    if (opening) {
      pushProse();
      code = { fence: opening[1]!, info: (opening[2] ?? "").toLowerCase(), lines: [] };
    } else {
      prose.push(line);
    }
  }
  if (code) segments.push({ kind: "code", info: code.info, code: code.lines.join("\n"), closed: false });
  else pushProse();
  return segments;
}
