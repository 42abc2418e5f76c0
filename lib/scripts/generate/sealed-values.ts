import { openSecret } from "@/lib/crypto/secret-box";
import { escapeSingleQuoted } from "@/lib/scripts/generate/dialects/bash";
import { doubleSingles, escapeExpandable } from "@/lib/scripts/generate/dialects/powershell";
import { escapeForString } from "@/lib/scripts/generate/dialects/python";

/**
 * E5: the strings to scrub for a value: the value as typed and as each language's quoting writes
 * it (`it''s` in PowerShell, `it'\''s` in bash, `it\'s` in Python), so a rendered script pasted
 * back into chat or a note is scrubbed too. Matching is by substring, so a value inside a longer
 * string is caught.
 */
export function scrubFormsOf(value: string): string[] {
  if (!value.trim()) return [];
  return [...new Set([value, doubleSingles(value), escapeExpandable(value), escapeSingleQuoted(value), escapeForString(value, false)])];
}

/**
 * The values a run sealed (`sensitiveValuesSealed`, JSON of `{ name: value }`), in every form
 * `scrubFormsOf` gives. A value that can't be opened (the key changed) is logged by run id and
 * skipped: the stored script and parameters are redacted already, so documents keep working.
 */
export function openSealedValues(run: { id: string; sensitiveValuesSealed: string | null }): string[] {
  if (!run.sensitiveValuesSealed) return [];
  try {
    const parsed: unknown = JSON.parse(openSecret(run.sensitiveValuesSealed));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
    return Object.values(parsed).flatMap((value) => (typeof value === "string" ? scrubFormsOf(value) : []));
  } catch {
    console.warn(JSON.stringify({ event: "scripts.sealed_values_unreadable", generation_id: run.id }));
    return [];
  }
}
