import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import type { KbGrounding } from "@/lib/knowledge/kb-grounding";
import type { KbArticleFormat } from "@/lib/generated/prisma/enums";

/** An article as drafted: its title and its markdown body (sections, no title heading). */
export type KbDraftText = { title: string; body: string };

/** The sections each format must have, in order: the model's reply is checked against these. */
export const KB_SECTIONS: Record<KbArticleFormat, readonly string[]> = {
  troubleshooting: ["Symptoms", "Cause", "Resolution", "Verification"],
  procedural: ["When to use this", "Steps", "Verification"],
};

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const bullets = (lines: string[], empty: string) => (lines.length ? lines.map((line) => `- ${line}`).join("\n") : `_${empty}_`);
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : null);

function scriptLine(run: KbGrounding["scripts"][number]): string {
  const params = Object.entries(run.parameters).map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const what = run.name ? `Run the script "${run.name}"` : "Run the script";
  return `${what}${run.language ? ` (${run.language})` : ""}${params.length ? ` with ${params.join(", ")}` : ""}.`;
}

function verification(fix: KbGrounding["fix"]): string {
  if (fix?.status === "applied_success") {
    return `The engineer confirmed the fix worked${fix.verified_at ? ` (${when(fix.verified_at)})` : ""}. Check that the symptoms above are gone.`;
  }
  if (fix?.status === "applied_partial") return `The fix only partly solved the problem${fix.partial_notes ? `: ${sentence(fix.partial_notes)}` : "."} Check what remains.`;
  if (fix?.status === "applied_failed") return `This fix did not solve the problem${fix.failure_reason ? `: ${sentence(fix.failure_reason)}` : "."}`;
  return "Check that the symptoms above are gone.";
}

function troubleshooting(grounding: KbGrounding): string[] {
  const { fix } = grounding;
  return [
    "## Symptoms", bullets([sentence(grounding.problem)], ""),
    "## Cause", `${fix?.status === "applied_success" ? `Addressed by the fix below. ` : ""}What troubleshooting confirmed:\n\n${bullets(grounding.facts, "No facts were recorded.")}`,
    "## Resolution", [fix ? `${sentence(fix.title)} ${sentence(fix.description)}` : "No fix was recorded.", ...grounding.scripts.map(scriptLine)].join("\n\n"),
    "## Verification", verification(fix),
  ];
}

function procedural(grounding: KbGrounding): string[] {
  const { fix } = grounding;
  const steps = [
    ...(grounding.facts.length ? [`Confirm the situation matches: ${grounding.facts.map((fact) => fact.replace(/[.!?]$/, "")).join("; ")}.`] : []),
    ...(fix ? [`${sentence(fix.title)} ${sentence(fix.description)}`] : []),
    ...grounding.scripts.map(scriptLine),
    "Check that the symptoms are gone.",
  ];
  return [
    "## When to use this", sentence(grounding.problem),
    "## Steps", steps.map((step, index) => `${index + 1}. ${step}`).join("\n"),
    "## Verification", verification(fix),
  ];
}

/**
 * E6 for L2: the article built from the grounding alone, without the model, in the format's
 * sections, marked on its first line as not AI-written. Placeholders stay as they are.
 */
export function buildDeterministicKbDraft(format: KbArticleFormat, grounding: KbGrounding): KbDraftText {
  const sections = format === "troubleshooting" ? troubleshooting(grounding) : procedural(grounding);
  return { title: grounding.problem.trim() || "Untitled article", body: `${[DETERMINISTIC_MARKER, ...sections].join("\n\n")}\n` };
}
