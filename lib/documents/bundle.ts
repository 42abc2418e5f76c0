import { db, queryPreparedRows, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { openSealedValues, scrubFormsOf } from "@/lib/scripts/generate/sealed-values";
import { redactParameters, redactValues, sensitiveValues } from "@/lib/scripts/redaction";
import { utcIsoText } from "@/lib/sql/utc";

/** How much of the conversation and of each script the model sees: enough to ground, bounded in cost. */
const LIMITS = { steps: 30, stepChars: 600, scriptChars: 4000, scriptRuns: 10 } as const;

export type FixOutcomeStatus = "proposed" | "applied_success" | "applied_failed" | "applied_partial" | "dismissed";

/** E1/E2: everything a resolution note or escalation package may say, and nothing else. */
export type DocumentBundle = {
  session: { title: string; company_name: string | null; ticket_ref: string | null; status: string };
  facts: { text: string; source: string }[];
  active_fix: {
    title: string;
    description: string;
    confidence: number;
    decision: string | null;
    template_name: string | null;
    status: FixOutcomeStatus;
    applied_at: string | null;
    verified_at: string | null;
    partial_notes: string | null;
    failure_reason: string | null;
  } | null;
  script_runs: { template_name: string | null; language: string | null; parameters: Record<string, unknown>; script: string; ran_at: string }[];
  engineer_steps: { kind: string; text: string; at: string }[];
  state_version: number;
};

/** The grounded input plus a scrubber that removes the session's sensitive values from any text. */
export type GroundedInput = { bundle: DocumentBundle; redact: (text: string) => string };

/** "#123" as the PSA ticket is shown, or null for a session without a linked ticket. */
export function ticketRefOf(session: { psaTicketRef: string | null; psaTicketId: string | null }): string | null {
  return session.psaTicketRef ?? (session.psaTicketId ? `#${session.psaTicketId}` : null);
}

const trim = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export type RunSecrets = { id: string; parameters: unknown; sensitiveValuesSealed: string | null; template: { parametersSchema: unknown } | null };

/** What a run's secrets are read from: the sealed values (H2) and the stored parameters. */
const runSecretsSelect = { id: true, parameters: true, sensitiveValuesSealed: true, template: { select: { parametersSchema: true } } } as const;

/**
 * A run's sensitive values: those it sealed (opened, in every quoted form), plus any the template's
 * schema finds in the stored parameters, for rows written before (or despite) H2's redaction.
 */
export function secretsOfRuns(runs: RunSecrets[]): string[] {
  const stored = (run: RunSecrets) => sensitiveValues(run.template?.parametersSchema, run.parameters).flatMap(scrubFormsOf);
  return [...new Set(runs.flatMap((run) => [...openSealedValues(run), ...stored(run)]))];
}

/**
 * The sensitive parameter values of every script run of the session (E5): what documents,
 * previews, posted notes and the chat's model input are scrubbed of.
 */
export async function loadSensitiveValues(sessionId: string, client: Tx = db): Promise<string[]> {
  const runs = await client.scriptGeneration.findMany({ where: { sessionId }, select: runSecretsSelect });
  return secretsOfRuns(runs);
}

type BundleRow = {
  title: string; companyName: string | null; psaTicketId: string | null; psaTicketRef: string | null; status: string; stateVersion: number;
  facts: { text: string; sourceKind: string }[];
  fix: {
    title: string; description: string; confidence: number; userDecision: string | null; templateName: string | null; status: FixOutcomeStatus;
    appliedAt: string | null; verifiedAt: string | null; partialNotes: string | null; failureReason: string | null;
  } | null;
  runs: (RunSecrets & { renderedScript: string; language: string | null; createdAt: string; template: { name: string; language: string; parametersSchema: unknown } | null })[];
  steps: { kind: string; content: string; createdAt: string }[];
};

/**
 * Everything a document is grounded in, in one statement (so one snapshot): the session, its live
 * facts (oldest first), the active fix with its template's name, every script run (newest first)
 * with its template, and the engineer's newest steps. Sent prepared, straight on the pool: every
 * preview miss and escalation reads it.
 */
function bundleStatement(sessionId: string) {
  return Prisma.sql`
    SELECT s.title, s.company_name AS "companyName", s.psa_ticket_id AS "psaTicketId", s.psa_ticket_ref AS "psaTicketRef",
      s.status::text AS status, s.state_version AS "stateVersion",
      (SELECT coalesce(json_agg(json_build_object('text', f.text, 'sourceKind', f.source_kind) ORDER BY f.created_at), '[]')
        FROM session_facts f WHERE f.session_id = s.id AND f.deleted_at IS NULL) AS facts,
      (SELECT json_build_object('title', x.title, 'description', x.description, 'confidence', x.confidence, 'userDecision', x.user_decision,
          'templateName', t.name, 'status', x.status, 'appliedAt', ${utcIsoText("x.applied_at")}, 'verifiedAt', ${utcIsoText("x.verified_at")},
          'partialNotes', x.partial_notes, 'failureReason', x.failure_reason)
        FROM session_suggested_fixes x LEFT JOIN script_templates t ON t.id = x.template_id
        WHERE x.session_id = s.id AND x.superseded_at IS NULL
        ORDER BY x.created_at DESC LIMIT 1) AS fix,
      (SELECT coalesce(json_agg(json_build_object('id', g.id, 'parameters', g.parameters, 'sensitiveValuesSealed', g.sensitive_values_sealed,
          'renderedScript', g.rendered_script, 'language', g.language, 'createdAt', ${utcIsoText("g.created_at")},
          'template', CASE WHEN t.id IS NULL THEN NULL
            ELSE json_build_object('name', t.name, 'language', t.language, 'parametersSchema', t.parameters_schema) END)
          ORDER BY g.created_at DESC), '[]')
        FROM script_generations g LEFT JOIN script_templates t ON t.id = g.template_id
        WHERE g.session_id = s.id) AS runs,
      (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'content', m.content, 'createdAt', ${utcIsoText("m.created_at")}) ORDER BY m.created_at DESC), '[]')
        FROM (SELECT kind, content, created_at FROM ai_session_steps
              WHERE session_id = s.id AND kind IN ('engineer_message', 'engineer_action')
              ORDER BY created_at DESC LIMIT ${LIMITS.steps}) m) AS steps
    FROM ai_sessions s WHERE s.id = ${sessionId}::uuid`;
}

/**
 * Builds the grounded input for a session's documents from one consistent snapshot: session,
 * live facts, the active fix with its outcome, redacted script runs, the engineer's steps, and the
 * state_version it reflects. Every string in it is scrubbed of sensitive values (E5). The caller
 * checks access; throws not_found if the session is gone.
 */
export async function buildDocumentBundle(sessionId: string): Promise<GroundedInput> {
  const [session] = await queryPreparedRows<BundleRow>(bundleStatement(sessionId));
  if (!session) throw notFound("Session");
  const { facts, fix, runs, steps } = session;

  const secrets = secretsOfRuns(runs);
  const redact = (text: string) => redactValues(text, secrets);
  const bundle: DocumentBundle = {
    session: { title: session.title, company_name: session.companyName, ticket_ref: ticketRefOf(session), status: session.status },
    facts: facts.map((fact) => ({ text: fact.text, source: fact.sourceKind })),
    active_fix: fix && {
      title: fix.title,
      description: fix.description,
      confidence: fix.confidence,
      decision: fix.userDecision,
      template_name: fix.templateName,
      status: fix.status,
      applied_at: fix.appliedAt,
      verified_at: fix.verifiedAt,
      partial_notes: fix.partialNotes,
      failure_reason: fix.failureReason,
    },
    script_runs: runs.slice(0, LIMITS.scriptRuns).reverse().map((run) => ({
      template_name: run.template?.name ?? null,
      language: run.language ?? run.template?.language ?? null,
      parameters: redactParameters(run.template?.parametersSchema, run.parameters),
      script: trim(run.renderedScript, LIMITS.scriptChars),
      ran_at: run.createdAt,
    })),
    engineer_steps: steps.reverse().map((step) => ({ kind: step.kind, text: trim(step.content.trim(), LIMITS.stepChars), at: step.createdAt })),
    state_version: session.stateVersion,
  };
  return { bundle: redactStrings(bundle, redact), redact };
}

/** Applies `redact` to every string inside `value`, so no field can carry a secret to the model. */
function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)])) as T;
  }
  return value;
}
