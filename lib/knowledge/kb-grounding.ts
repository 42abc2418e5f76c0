import type { DocumentBundle } from "@/lib/documents/bundle";
import { concealAll, findRedactions, type Redaction } from "@/lib/knowledge/kb-redaction";

/**
 * L2: everything a KB article may say, and nothing else: the session's problem, its live facts,
 * the fix with its outcome and the script runs (sensitive parameters already redacted, E5). No
 * chat transcript, no ticket, no company: customer details are placeholders (`kb-redaction`).
 */
export type KbGrounding = {
  problem: string;
  facts: string[];
  fix: {
    title: string;
    description: string;
    status: string;
    verified_at: string | null;
    partial_notes: string | null;
    failure_reason: string | null;
  } | null;
  scripts: { name: string | null; language: string | null; parameters: Record<string, unknown>; script: string }[];
  placeholders: string[];
};

/** The grounded KB input for a document bundle, with customer details found in it replaced by placeholders. */
export function groundKbArticle(bundle: DocumentBundle): { grounding: KbGrounding; redactions: Redaction[] } {
  const fix = bundle.active_fix;
  const scripts = bundle.script_runs.map((run) => ({ name: run.template_name, language: run.language, parameters: run.parameters, script: run.script }));
  const parameterTexts = scripts.flatMap((run) => Object.values(run.parameters).filter((value): value is string => typeof value === "string"));
  const redactions = findRedactions({
    companyName: bundle.session.company_name,
    texts: [
      bundle.session.title,
      ...bundle.facts.map((fact) => fact.text),
      ...(fix ? [fix.title, fix.description, fix.partial_notes ?? "", fix.failure_reason ?? ""] : []),
      ...parameterTexts,
    ],
  });
  const conceal = (text: string) => concealAll(text, redactions);
  const grounding: KbGrounding = {
    problem: conceal(bundle.session.title),
    facts: bundle.facts.map((fact) => conceal(fact.text)),
    fix: fix && {
      title: conceal(fix.title),
      description: conceal(fix.description),
      status: fix.status,
      verified_at: fix.verified_at,
      partial_notes: fix.partial_notes && conceal(fix.partial_notes),
      failure_reason: fix.failure_reason && conceal(fix.failure_reason),
    },
    scripts: scripts.map((run) => ({
      ...run,
      name: run.name && conceal(run.name),
      parameters: Object.fromEntries(Object.entries(run.parameters).map(([key, value]) => [key, typeof value === "string" ? conceal(value) : value])),
      script: conceal(run.script),
    })),
    placeholders: redactions.map((item) => item.placeholder),
  };
  return { grounding, redactions };
}
