import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** E1: the resolution note's sections, in order. The prompt, the deterministic draft and the check all read this. */
export const RESOLUTION_NOTE_SECTIONS = ["Problem", "What we confirmed", "Root cause", "Resolution"] as const;
/** E2: the escalation package's sections, in order. */
export const ESCALATION_PACKAGE_SECTIONS = ["Problem", "What we've confirmed", "What we've tried", "Current hypothesis", "Suggested next steps"] as const;

export type ResolutionNoteSection = (typeof RESOLUTION_NOTE_SECTIONS)[number];
export type EscalationPackageSection = (typeof ESCALATION_PACKAGE_SECTIONS)[number];

export const DOCUMENT_SECTIONS: Record<DocumentKind, readonly string[]> = {
  resolution_note: RESOLUTION_NOTE_SECTIONS,
  escalation_package: ESCALATION_PACKAGE_SECTIONS,
};

export const DOCUMENT_NOUNS: Record<DocumentKind, string> = { resolution_note: "resolution note", escalation_package: "escalation package" };

/** The markdown heading a draft writes for `section`. */
export const sectionHeading = (section: string) => `## ${section}`;

/** The FORMAT outline of a prompt: each heading, then the placeholder line saying what goes under it. */
export function sectionOutline<S extends string>(sections: readonly S[], guide: Record<S, string>): string {
  return sections.map((section) => `${sectionHeading(section)}\n${guide[section]}`).join("\n");
}

/** Which required sections a reply lacks (no heading) and which have a heading but nothing under it. */
export type StructureCheck = { ok: boolean; missing: string[]; empty: string[] };

// Case, spacing, curly apostrophes and "we have" for "we've" don't make a heading a different one.
const labelKey = (text: string) =>
  text
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\bwe have\b/g, "we've");

const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * The label a heading-like line opens and any text after it on the same line: `## Label`,
 * `### 2. Label:`, `## **Label**`, `**Label**`, `**Label:** text`, `__Label__:`. Null for other lines.
 * Text after the label only counts when a colon separates it, so "**Problem** is that…" is prose.
 */
function headingOf(line: string): { key: string; rest: string } | null {
  const trimmed = line.trim();
  const atx = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(trimmed);
  const text = atx ? atx[1]! : /^(\*\*|__)/.test(trimmed) ? trimmed : null;
  if (text === null) return null;
  const bold = /^(\*\*|__)(.+?)\1(.*)$/.exec(text);
  if (!bold && !atx) return null;
  let label = (bold ? bold[2]! : text).replace(/^\d+[.)]\s+/, "").trim();
  let rest = bold ? bold[3]!.trim() : "";
  let colon = false;
  if (rest.startsWith(":")) {
    rest = rest.slice(1).trim();
    colon = true;
  }
  const at = label.indexOf(":");
  if (at !== -1) {
    rest = [label.slice(at + 1).trim(), rest].filter(Boolean).join(" ");
    label = label.slice(0, at);
    colon = true;
  }
  if (rest && !colon) return null;
  return { key: labelKey(label), rest };
}

/**
 * E1/E2: whether `markdown` is the document `kind` asks for — every required section present
 * as a heading (any reasonable heading form, any order) with some words under it before the next
 * required heading. Other headings and text before the first section don't count against it;
 * headings inside code fences are not headings.
 */
export function checkDocumentStructure(kind: DocumentKind, markdown: string): StructureCheck {
  const sections = DOCUMENT_SECTIONS[kind];
  const byKey = new Map(sections.map((section) => [labelKey(section), section]));
  const filled = new Map<string, boolean>();
  let current: string | null = null;
  let fenced = false;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : headingOf(line);
    const section = heading && byKey.get(heading.key);
    if (heading && section) {
      current = section;
      filled.set(section, (filled.get(section) ?? false) || HAS_WORDS.test(heading.rest));
    } else if (current && HAS_WORDS.test(line)) {
      filled.set(current, true);
    }
  }
  const missing = sections.filter((section) => !filled.has(section));
  const empty = sections.filter((section) => filled.get(section) === false);
  return { ok: missing.length === 0 && empty.length === 0, missing, empty };
}

/** "missing Root cause, Resolution; empty Problem" — for logs and the corrective message. */
export function describeStructureMiss(check: StructureCheck): string {
  return [check.missing.length && `missing ${check.missing.join(", ")}`, check.empty.length && `empty ${check.empty.join(", ")}`]
    .filter(Boolean)
    .join("; ");
}
