import type { DocumentBundle } from "@/lib/documents/bundle";
import { sectionHeading, type EscalationPackageSection, type ResolutionNoteSection } from "@/lib/documents/document-structure";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

/**
 * E6: the first line of every draft written without the model, so nobody mistakes it for AI prose.
 * Neutral about why: the model may have been down, or have answered something that was not the document.
 */
export const DETERMINISTIC_MARKER = "_Drafted automatically from the session's facts, without AI._";

// Typed by the shared section lists, so a renamed section can't leave the fallback behind.
const note = (section: ResolutionNoteSection) => sectionHeading(section);
const pkg = (section: EscalationPackageSection) => sectionHeading(section);

type Fix = NonNullable<DocumentBundle["active_fix"]>;

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : null);
const bullets = (lines: string[], empty: string) => (lines.length ? lines.map((line) => `- ${line}`).join("\n") : `_${empty}_`);
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function problem(bundle: DocumentBundle): string {
  const { title, company_name, ticket_ref } = bundle.session;
  const context = [company_name && `Customer: ${company_name}`, ticket_ref && `Ticket: ${ticket_ref}`].filter(Boolean);
  return [sentence(title), context.join(" · ")].filter(Boolean).join("\n\n");
}

function outcomeOf(fix: Fix): string {
  switch (fix.status) {
    case "applied_success":
      return `Applied and confirmed working${fix.verified_at ? ` (${when(fix.verified_at)})` : ""}.`;
    case "applied_failed":
      return `Applied; it did not fix the problem${fix.failure_reason ? `: ${sentence(fix.failure_reason)}` : "."}`;
    case "applied_partial":
      return `Applied; it partly fixed the problem${fix.partial_notes ? `: ${sentence(fix.partial_notes)}` : "."}`;
    case "dismissed":
      return "Dismissed by the engineer.";
    default:
      return fix.applied_at ? `Applied (${when(fix.applied_at)}); not yet confirmed whether it worked.` : "Suggested; not yet applied.";
  }
}

function scriptRuns(bundle: DocumentBundle): string[] {
  return bundle.script_runs.map((run) => {
    const params = Object.entries(run.parameters).map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
    const what = run.template_name ? `Ran the script "${run.template_name}"` : "Ran a script";
    return `${what}${run.language ? ` (${run.language})` : ""}${params.length ? ` with ${params.join(", ")}` : ""} — ${when(run.ran_at)}`;
  });
}

/** The fix (once applied, whatever came of it) and every script run. */
function tried(bundle: DocumentBundle): string[] {
  const fix = bundle.active_fix;
  const applied = fix && (fix.status.startsWith("applied_") || (fix.status === "proposed" && fix.applied_at));
  return [...(applied ? [`${fix.title} — ${outcomeOf(fix)}`] : []), ...scriptRuns(bundle)];
}

function nextSteps(fix: Fix | null): string[] {
  switch (fix?.status) {
    case "applied_success":
      return ["Confirm with the customer that the problem is gone."];
    case "applied_failed":
      return [`Rule out "${fix.title}" and try a different approach from the confirmed facts.`, "Escalate to a senior engineer if no other lead remains."];
    case "applied_partial":
      return ["Work on what the fix left unresolved (see the notes above).", "Confirm with the customer once it is fully fixed."];
    case "proposed":
      return fix.applied_at
        ? ["Confirm with the customer whether the applied fix resolved the problem."]
        : [`Apply the suggested fix "${fix.title}" and confirm whether it resolves the problem.`];
    default:
      return ["Continue troubleshooting from the confirmed facts.", "Escalate to a senior engineer if no lead remains."];
  }
}

function resolutionNote(bundle: DocumentBundle): string[] {
  const fix = bundle.active_fix;
  const facts = bundle.facts.map((fact) => fact.text);
  if (fix?.status === "applied_success") {
    return [
      note("Problem"), problem(bundle),
      note("What we confirmed"), bullets(facts, "No facts were recorded."),
      note("Root cause"), `Addressed by the fix below: ${sentence(fix.title)}`,
      note("Resolution"), `Resolved. ${sentence(fix.description)} ${outcomeOf(fix)}`,
      ...(bundle.script_runs.length ? [`Scripts run:\n\n${bullets(scriptRuns(bundle), "")}`] : []),
    ];
  }
  return [
    note("Problem"), problem(bundle),
    note("What we confirmed"), bullets(facts, "No facts were recorded."),
    note("Root cause"), "Not yet confirmed.",
    note("Resolution"), "**Not resolved yet.**",
    `What we tried:\n\n${bullets(tried(bundle), "Nothing has been tried yet.")}`,
    `Next steps:\n\n${bullets(nextSteps(fix), "")}`,
  ];
}

function hypothesis(fix: Fix | null): string {
  if (!fix || fix.status === "dismissed") return "No hypothesis was recorded yet.";
  const idea = `${sentence(fix.title)} ${sentence(fix.description)} (confidence ${fix.confidence}%)`;
  if (fix.status === "applied_failed") return `The suggested fix did not work, which weakens its hypothesis: ${idea}`;
  if (fix.status === "applied_success") return `${idea} This fix was confirmed to work; why the session is escalated was not recorded.`;
  return idea;
}

function escalationPackage(bundle: DocumentBundle): string[] {
  return [
    pkg("Problem"), problem(bundle),
    pkg("What we've confirmed"), bullets(bundle.facts.map((fact) => fact.text), "No facts were recorded."),
    pkg("What we've tried"), bullets(tried(bundle), "Nothing has been tried yet."),
    pkg("Current hypothesis"), hypothesis(bundle.active_fix),
    pkg("Suggested next steps"), nextSteps(bundle.active_fix).map((step, index) => `${index + 1}. ${step}`).join("\n"),
  ];
}

/**
 * E6: the document built from the bundle alone, without the model — same sections as the AI
 * draft, outcome-aware, and marked on its first line as not AI-written.
 */
export function buildDeterministicDraft(kind: DocumentKind, bundle: DocumentBundle): string {
  const sections = kind === "resolution_note" ? resolutionNote(bundle) : escalationPackage(bundle);
  return [DETERMINISTIC_MARKER, ...sections].join("\n\n") + "\n";
}
