import { sectionHeading, type StructureCheck } from "@/lib/documents/document-structure";

const list = (sections: string[]) => sections.map((section) => `"${section}"`).join(", ");

/**
 * E1/E2: the user turn sent once after a reply that was not the document, naming exactly what was
 * missing or empty. It follows the model's own reply in the conversation, so the model sees what it
 * got wrong; the system prompt (unchanged, still cached) keeps the rules.
 */
export function buildDocumentCorrection(noun: string, sections: readonly string[], check: StructureCheck): string {
  const problems = [
    check.missing.length > 0 && `these sections are missing: ${list(check.missing)}`,
    check.empty.length > 0 && `these sections have a heading but nothing under it: ${list(check.empty)}`,
  ].filter(Boolean);
  return [
    `That reply is not the ${noun}: ${problems.join("; ")}.`,
    `Answer again with only the ${noun} for the bundle in my first message: Markdown with exactly these second-level headings, in this order, each followed by its content, and nothing before the first heading:`,
    sections.map(sectionHeading).join("\n"),
    "No conversation, questions or commentary: the reply is posted as the document as it is.",
  ].join("\n\n");
}
