import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { openSealedValues, scrubFormsOf } from "@/lib/scripts/generate/sealed-values";
import { redactParameters, redactValues, sensitiveValues } from "@/lib/scripts/redaction";

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
const iso = (date: Date | null) => date?.toISOString() ?? null;

type RunSecrets = { id: string; parameters: unknown; sensitiveValuesSealed: string | null; template: { parametersSchema: unknown } | null };

/** What a run's secrets are read from: the sealed values (H2) and the stored parameters. */
const runSecretsSelect = { id: true, parameters: true, sensitiveValuesSealed: true, template: { select: { parametersSchema: true } } } as const;

/**
 * A run's sensitive values: those it sealed (opened, in every quoted form), plus any the template's
 * schema finds in the stored parameters, for rows written before (or despite) H2's redaction.
 */
function secretsOfRuns(runs: RunSecrets[]): string[] {
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

/**
 * Builds the grounded input for a session's documents from one consistent snapshot: session,
 * live facts, the active fix with its outcome, redacted script runs, the engineer's steps, and the
 * state_version it reflects. Every string in it is scrubbed of sensitive values (E5). The caller
 * checks access; throws not_found if the session is gone.
 */
export async function buildDocumentBundle(sessionId: string, client?: Tx): Promise<GroundedInput> {
  if (client) return readBundle(sessionId, client);
  // Repeatable read: the state_version and the rows it describes come from the same instant.
  return db.$transaction((tx) => readBundle(sessionId, tx), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: 10_000,
  });
}

async function readBundle(sessionId: string, tx: Tx): Promise<GroundedInput> {
  const session = await tx.aiSession.findFirst({
    where: { id: sessionId },
    select: { title: true, companyName: true, psaTicketId: true, psaTicketRef: true, status: true, stateVersion: true },
  });
  if (!session) throw notFound("Session");
  const [facts, fix, runs, steps] = await Promise.all([
    tx.sessionFact.findMany({ where: { sessionId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { text: true, sourceKind: true } }),
    tx.sessionSuggestedFix.findFirst({
      where: { sessionId, supersededAt: null },
      orderBy: { createdAt: "desc" },
      include: { template: { select: { name: true } } },
    }),
    tx.scriptGeneration.findMany({
      where: { sessionId },
      orderBy: { createdAt: "desc" },
      select: {
        ...runSecretsSelect,
        renderedScript: true,
        language: true,
        createdAt: true,
        template: { select: { name: true, language: true, parametersSchema: true } },
      },
    }),
    tx.aiSessionStep.findMany({
      where: { sessionId, kind: { in: ["engineer_message", "engineer_action"] } },
      orderBy: { createdAt: "desc" },
      take: LIMITS.steps,
      select: { kind: true, content: true, createdAt: true },
    }),
  ]);

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
      template_name: fix.template?.name ?? null,
      status: fix.status,
      applied_at: iso(fix.appliedAt),
      verified_at: iso(fix.verifiedAt),
      partial_notes: fix.partialNotes,
      failure_reason: fix.failureReason,
    },
    script_runs: runs.slice(0, LIMITS.scriptRuns).reverse().map((run) => ({
      template_name: run.template?.name ?? null,
      language: run.language ?? run.template?.language ?? null,
      parameters: redactParameters(run.template?.parametersSchema, run.parameters),
      script: trim(run.renderedScript, LIMITS.scriptChars),
      ran_at: run.createdAt.toISOString(),
    })),
    engineer_steps: steps.reverse().map((step) => ({ kind: step.kind, text: trim(step.content.trim(), LIMITS.stepChars), at: step.createdAt.toISOString() })),
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
