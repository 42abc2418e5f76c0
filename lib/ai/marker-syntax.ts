/**
 * The line-level marker syntax shared by the reply parser, the stream filter and the prompt guard:
 * an opening tag line `[NAME]`, a closing tag line `[/NAME]`, and how prose lines are joined.
 */
export const MARKER_NAMES = ["QUESTIONS", "ACTIONS", "PROMOTE", "SUGGEST_FIX", "FIX_OUTCOME", "FORK"] as const;
export type MarkerName = (typeof MARKER_NAMES)[number];

const OPENING_LINE = new RegExp(`^\\s*\\[(${MARKER_NAMES.join("|")})\\]\\s*$`);

/** The marker name if `line` is an opening tag line (nothing else on it but spaces). */
export function openingMarker(line: string): MarkerName | null {
  return (OPENING_LINE.exec(line)?.[1] as MarkerName | undefined) ?? null;
}

export function isClosingLine(line: string, name: string): boolean {
  return line.trim() === `[/${name}]`;
}

/** Whether a line that so far reads `start` (leading spaces removed) could still become an opening tag line. */
export function mayBecomeOpeningLine(start: string): boolean {
  return MARKER_NAMES.some((name) => {
    const tag = `[${name}]`;
    return tag.startsWith(start) || (start.startsWith(tag) && start.slice(tag.length).trim() === "");
  });
}

/** Prose lines joined as the page shows them: runs of blank lines collapse to one, ends trimmed. */
export function joinProse(lines: string[]): string {
  const out: string[] = [];
  let blank = false;
  for (const line of lines) {
    if (line.trim() === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line);
  }
  return out.join("\n").trim();
}
