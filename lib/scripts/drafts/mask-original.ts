
/** How every later view shows a sensitive value (H2). */
export const MASK = "••••";

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

type Part = { literal: string } | { parameter: string };

function partsOf(body: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of body.matchAll(REFERENCE)) {
    if (match.index > last) parts.push({ literal: body.slice(last, match.index) });
    parts.push({ parameter: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ literal: body.slice(last) });
  return parts;
}

/**
 * The values the original script had where the templated body has a reference: the body is laid
 * over the script left to right, each reference taking the text up to the next literal part
 * (linear, no backtracking, so a large script can't stall it). Null when the two don't line up.
 */
function alignValues(original: string, body: string): { parameter: string; value: string }[] | null {
  const parts = partsOf(body);
  const values: { parameter: string; value: string }[] = [];
  let cursor = 0;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if ("literal" in part) {
      if (!original.startsWith(part.literal, cursor)) return null;
      cursor += part.literal.length;
      continue;
    }
    const next = parts[index + 1];
    const end = next && "literal" in next ? original.indexOf(next.literal, cursor) : next ? cursor : original.length;
    if (end === -1) return null;
    values.push({ parameter: part.parameter, value: original.slice(cursor, end) });
    cursor = end;
  }
  return cursor === original.length ? values : null;
}

/**
 * The original script as the drafts queue shows it: the values of sensitive parameters (found by
 * laying the templated body over the script) masked as ••••, wherever they occur. When the two
 * don't line up and a parameter is sensitive, the value can't be located, so the templated body
 * is shown instead with the sensitive references masked: never the raw script (H2/E5).
 */
export function maskOriginalScript(original: string, body: string, sensitiveNames: readonly string[]): string {
  const sensitive = new Set(sensitiveNames);
  if (sensitive.size === 0) return original;
  const aligned = alignValues(original, body);
  if (!aligned) return body.replace(REFERENCE, (reference, name: string) => (sensitive.has(name) ? MASK : reference));
  const secrets = [...new Set(aligned.filter((entry) => sensitive.has(entry.parameter) && entry.value.trim()).map((entry) => entry.value))];
  // Longest first, so a value that contains another is masked whole.
  secrets.sort((x, y) => y.length - x.length);
  return secrets.reduce((text, secret) => text.split(secret).join(MASK), original);
}

/**
 * The names of a stored parameter list's sensitive entries, read leniently: a list that fails
 * today's schema still marks what it says is sensitive (or a secret).
 */
export function sensitiveParameterNames(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown) => {
    if (!entry || typeof entry !== "object") return [];
    const { name, sensitive, type } = entry as { name?: unknown; sensitive?: unknown; type?: unknown };
    return typeof name === "string" && (sensitive === true || type === "secret") ? [name] : [];
  });
}
