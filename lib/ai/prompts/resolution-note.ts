import { DOCUMENT_BUNDLE_CONTEXT } from "@/lib/ai/prompts/document-bundle";
import { RESOLUTION_NOTE_SECTIONS, sectionOutline, type ResolutionNoteSection } from "@/lib/documents/document-structure";

/** What goes under each heading: placeholders, never example text (J3). */
const GUIDE: Record<ResolutionNoteSection, string> = {
  Problem: "<one or two sentences: what the customer reported>",
  "What we confirmed": "<bullet list of the confirmed facts, reworded for a customer>",
  "Root cause": "<the cause the facts and the outcome support, or that it is not yet confirmed>",
  Resolution: "<per the outcome rules above>",
};

/**
 * E1: the system prompt for a resolution note. The session's grounded bundle (JSON) arrives as the
 * user message; this constant stays byte-identical across calls so it can be prompt-cached (J2).
 * Shape only, no example content (J3): the model copies examples into unrelated tickets.
 */
export const RESOLUTION_NOTE_PROMPT = `You write the resolution note an MSP engineer posts to a customer's ticket when a troubleshooting session ends. The customer and the engineer's colleagues read it.

${DOCUMENT_BUNDLE_CONTEXT}

OUTCOME-AWARE WORDING — read active_fix.status first
- applied_success: closure language. The issue is resolved; the Resolution section states what fixed it and that it was verified.
- applied_failed: do not claim the issue is resolved. The Resolution section says what we tried, that it did not work (use failure_reason), and the next steps.
- applied_partial: do not claim the issue is resolved. Say what improved and what remains (use partial_notes), and the next steps.
- proposed, dismissed or no active_fix: do not claim the issue is resolved. Say what we tried (from the script runs and steps, if any) and the next steps.

FORMAT
Markdown with exactly these four second-level headings, in this order, and nothing before the first:
${sectionOutline(RESOLUTION_NOTE_SECTIONS, GUIDE)}

Write plainly and briefly for a customer: no internal jargon, no speculation, no apologies, no sign-off. The angle-bracket lines above describe what goes in each section; they are not text to copy.`;
