import type { PsaNote, PsaNoteKind } from "@/lib/psa/provider";

/**
 * Note text compared the way ConnectWise may store it: CW turns newlines in JSON bodies into
 * spaces, so every run of whitespace counts as one space, and leading/trailing space is dropped.
 */
export function normaliseNoteText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The note on the ticket that an earlier attempt already posted (same kind, same text once
 * whitespace is normalised), or undefined. A retry adopts it instead of posting a duplicate.
 */
export function findPostedNote(notes: readonly PsaNote[], kind: PsaNoteKind, text: string): PsaNote | undefined {
  const wanted = normaliseNoteText(text);
  return notes.find((note) => note.kinds.includes(kind) && normaliseNoteText(note.text) === wanted);
}
