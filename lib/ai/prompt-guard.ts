/**
 * The anti-parrot guardrail (J3). Models copy example content from their system prompt into
 * unrelated sessions, so prompts show marker schemas with `<placeholder>` values only and never
 * carry example names, hosts or symptoms. `lib/ai/prompts/anti-parrot.test.ts` runs this over
 * every prompt constant; other code may run it over prompts it assembles.
 */

/** Names a prompt constant must have to be walked by the guard (and, in lib/ai/prompts, may have). */
export const PROMPT_CONSTANT_NAME = /^[A-Z][A-Z0-9_]*_(PROMPT|SCHEMA|FORMAT|REMINDER|CONTEXT)$/;

/**
 * Tokens that have leaked from prompt examples into real sessions. This list is the audit trail:
 * when a new leak shows up in production, add the token here (never remove one) so no prompt can
 * carry it again. From the earlier implementation's incidents: a sample user name, a sample
 * domain controller, a directory-sync service, the DNS client service and a public host from a
 * worked DNS tree, and two symptom phrases from a worked fork example.
 */
export const LEAKED_TOKENS = ["jsmith", "DC01", "ADSync", "Dnscache", "google.com", "Outlook keeps", "Teams drops"] as const;

export type PromptViolation = {
  constant: string;
  kind: "leaked_token" | "literal_value";
  detail: string;
};

/** A value is allowed as `<anything>` or as a pipe-separated list of enum words (`a|b|c`). */
const PLACEHOLDER = /^<[^<>]+>$/;
const PIPE_ENUM = /^[a-z0-9_]+(\|[a-z0-9_]+)+$/i;
const ELLIPSIS = new Set(["...", "…"]);
const STRUCTURAL = new Set(["{", "}", "[", "]", ",", ":"]);

/** `[NAME]` … `[/NAME]` blocks on their own lines, for any upper-case NAME (not only chat markers). */
function markerBlocks(text: string): { name: string; body: string }[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: { name: string; body: string }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const name = /^\s*\[([A-Z][A-Z0-9_]*)\]\s*$/.exec(lines[index] as string)?.[1];
    if (!name) continue;
    const end = lines.findIndex((line, at) => at > index && line.trim() === `[/${name}]`);
    if (end < 0) continue;
    blocks.push({ name, body: lines.slice(index + 1, end).join("\n") });
    index = end;
  }
  return blocks;
}

/** The JSON-ish values in a block body that are neither keys nor placeholders. */
function literalValues(body: string): string[] {
  const found: string[] = [];
  let at = 0;
  const nextNonSpace = (from: number) => {
    let index = from;
    while (index < body.length && /\s/.test(body[index] as string)) index += 1;
    return body[index];
  };
  while (at < body.length) {
    const char = body[at] as string;
    if (/\s/.test(char) || STRUCTURAL.has(char)) {
      at += 1;
      continue;
    }
    let token: string;
    let quoted = false;
    if (char === '"') {
      let end = at + 1;
      while (end < body.length && body[end] !== '"') end += body[end] === "\\" ? 2 : 1;
      token = body.slice(at + 1, end);
      quoted = true;
      at = end + 1;
    } else if (char === "<") {
      const end = body.indexOf(">", at);
      token = body.slice(at, end < 0 ? body.length : end + 1);
      at = end < 0 ? body.length : end + 1;
    } else {
      let end = at;
      while (end < body.length && !/\s/.test(body[end] as string) && !STRUCTURAL.has(body[end] as string)) end += 1;
      token = body.slice(at, end);
      at = end;
    }
    if (nextNonSpace(at) === ":") continue; // a key
    if (PLACEHOLDER.test(token) || PIPE_ENUM.test(token) || ELLIPSIS.has(token)) continue;
    found.push(quoted ? `"${token}"` : token);
  }
  return found;
}

/** Everything wrong with one prompt constant; empty when it is clean. */
export function findPromptViolations(constant: string, text: string): PromptViolation[] {
  const violations: PromptViolation[] = [];
  const lower = text.toLowerCase();
  for (const token of LEAKED_TOKENS) {
    if (lower.includes(token.toLowerCase())) violations.push({ constant, kind: "leaked_token", detail: `contains "${token}"` });
  }
  for (const { name, body } of markerBlocks(text)) {
    for (const value of literalValues(body)) {
      violations.push({ constant, kind: "literal_value", detail: `[${name}] has the literal value ${value}; use a <placeholder>` });
    }
  }
  return violations;
}

/** The prompt constants among a module's exports: upper-case strings with a prompt suffix. */
export function promptConstants(moduleExports: Record<string, unknown>): [string, string][] {
  return Object.entries(moduleExports).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && PROMPT_CONSTANT_NAME.test(entry[0]),
  );
}
