import { DOCUMENT_BUNDLE_CONTEXT } from "@/lib/ai/prompts/document-bundle";
import { ESCALATION_PACKAGE_SECTIONS, sectionOutline, type EscalationPackageSection } from "@/lib/documents/document-structure";

/** What goes under each heading: placeholders, never example text (J3). */
const GUIDE: Record<EscalationPackageSection, string> = {
  Problem: "<what is wrong, for whom, and the ticket reference when there is one>",
  "What we've confirmed": "<bullet list of the confirmed facts>",
  "What we've tried": "<bullet list of fixes and script runs with their outcomes, or that nothing was tried>",
  "Current hypothesis": "<the most likely cause the facts support, with how confident the bundle lets you be>",
  "Suggested next steps": "<numbered list of concrete checks or actions that follow from the facts and outcomes>",
};

/**
 * E2: the system prompt for an escalation package, the internal handoff a senior engineer reads
 * before picking a session up. The grounded bundle (JSON) arrives as the user message; this
 * constant stays byte-identical so it can be prompt-cached (J2). Shape only, no examples (J3).
 */
export const ESCALATION_PACKAGE_PROMPT = `You write the escalation package an MSP engineer hands to a senior colleague who will take over a troubleshooting session. Only engineers read it; it must let them carry on without asking the first engineer anything.

${DOCUMENT_BUNDLE_CONTEXT}

OUTCOME-AWARE WORDING — read active_fix.status first
- applied_failed: list the fix under what we've tried, with failure_reason; the hypothesis behind it is weakened, say so.
- applied_partial: say what improved and what remains (partial_notes); build the next steps on it.
- applied_success: say the fix was verified to work; if the bundle doesn't say why the session is still being escalated, say that it is not recorded.
- proposed: the fix is untried (or applied_at is set and it awaits verification); it is the current hypothesis.
- dismissed or no active_fix: there is no suggested fix; the hypothesis comes from the facts alone, or say there is none yet.

FORMAT
Markdown with exactly these five second-level headings, in this order, and nothing before the first:
${sectionOutline(ESCALATION_PACKAGE_SECTIONS, GUIDE)}

Write tersely for an engineer. The angle-bracket lines above describe what goes in each section; they are not text to copy.`;
