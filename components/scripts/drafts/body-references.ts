/**
 * The `{{name}}` references of a template body, as lib/scripts/template-extraction reads them
 * (that module calls the model, so the browser can't import it). Keep the two patterns alike.
 */
const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type BodyPart = { text: string; parameter: string | null };

/** The body cut into plain text and parameter references, in order. */
export function splitBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(REFERENCE)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), parameter: null });
    parts.push({ text: match[0], parameter: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), parameter: null });
  return parts;
}

/** The names a body references that no parameter declares. */
export function undeclaredReferences(body: string, declared: readonly string[]): string[] {
  const known = new Set(declared);
  return [...new Set(splitBody(body).flatMap((part) => (part.parameter !== null && !known.has(part.parameter) ? [part.parameter] : [])))];
}
