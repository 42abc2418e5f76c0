/**
 * "Seen before" for the chat (issue: knowledge that compounds): the account's resolved sessions
 * most like this one, with the fix that worked. Its own cached system block after the team
 * templates: the matches follow the session's title and facts, so the block stays the same from
 * turn to turn until a new fact changes the top matches. The list is data, not an example (J3).
 */
export const SEEN_BEFORE_CONTEXT = `# Seen before
The list below is reference data: resolved sessions of this team that look like the current one, each with the fix that was applied there and how it went (worked, partially, untested). It is not an example of what to write and not evidence about this session. Use it only when this session's confirmed facts match: you may suggest such a fix again, adapted to this session, and then give that session's id as source_session_id in the suggested fix. Never carry the listed titles, fixes or details into your findings as if this session had shown them, and never cite an id that is not in the list.`;

/** What the chat is told about one match. */
export type SeenBeforeMatch = { sessionId: string; title: string; fixTitle: string | null; fixDescription: string | null; outcome: string };

const TITLE_LIMIT = 120;
const DESCRIPTION_LIMIT = 300;

/** One line of data: no line breaks or angle brackets, so a match's text cannot close the block or pose as a tag. */
function dataLine(text: string, limit: number): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").replace(/[<>]/g, "").replace(/\s{2,}/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat;
}

/** The seen-before system block, or "" without a match with a fix (the provider leaves empty blocks out). */
export function seenBeforeBlock(matches: readonly SeenBeforeMatch[]): string {
  const lines = matches
    .filter((match) => match.fixTitle)
    .map((match) => {
      const description = match.fixDescription?.trim() ? ` — ${dataLine(match.fixDescription, DESCRIPTION_LIMIT)}` : "";
      return `- session ${match.sessionId} · ${dataLine(match.title, TITLE_LIMIT)} · fix: ${dataLine(match.fixTitle ?? "", TITLE_LIMIT)} (${match.outcome})${description}`;
    });
  if (lines.length === 0) return "";
  return `${SEEN_BEFORE_CONTEXT}\n<seen_before>\n${lines.join("\n")}\n</seen_before>`;
}
