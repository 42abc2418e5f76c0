import type { FactSourceKind, FixStatus } from "@/lib/generated/prisma/enums";
import type { TaskLane } from "@/lib/ai/task-lane";

/**
 * What the pilot page's client islands work with. Facts and fixes reach the page two ways — as
 * server props (dates are Date objects) and inside a chat turn's JSON `done` event (dates are ISO
 * strings) — so both are normalised here to one plain shape.
 */
type DateLike = Date | string | null;

export type PilotTaskLane = TaskLane;
export type PilotQuestion = TaskLane["questions"][number];
export type PilotCheck = TaskLane["actions"][number];

export type PilotFact = {
  id: string;
  text: string;
  sourceKind: FactSourceKind;
  sourceRef: string | null;
  editable: boolean;
};

export type ProposedOutcome = "applied_success" | "applied_failed" | "applied_partial";
export type OutcomeProposal = { outcome: ProposedOutcome; notes: string | null };

export type PilotFix = {
  id: string;
  title: string;
  description: string;
  confidence: number;
  script: string | null;
  status: FixStatus;
  appliedAt: string | null;
  verifiedAt: string | null;
  partialNotes: string | null;
  failureReason: string | null;
  proposal: OutcomeProposal | null;
  /** "Worked before": the resolved session this fix was reused from. */
  sourceSession: { id: string; title: string } | null;
};

export type ForkSuggestion = { reason: string; title: string; summary: string };

/** The fields of a fact as the services return it (FactView), dates as Date or string. */
export type FactInput = { id: string; text: string; source_kind: FactSourceKind; source_ref: string | null; editable: boolean };

/** The fields of a fix as the services return it (FixView), dates as Date or string. */
export type FixInput = {
  id: string;
  title: string;
  description: string;
  confidence: number;
  ai_drafted_script: string | null;
  edited_script: string | null;
  status: FixStatus;
  applied_at: DateLike;
  verified_at: DateLike;
  partial_notes: string | null;
  failure_reason: string | null;
  ai_outcome_proposal: unknown;
  source_session_id?: string | null;
  source_session_title?: string | null;
};

/** The `done` event of a chat turn (lib/chat/apply-reply.ts TurnResult, as JSON). */
export type TurnDone = {
  step_id: string;
  prose: string;
  task_lane: TaskLane;
  facts_added: FactInput[];
  suggested_fix: FixInput | null;
  outcome_proposal: FixInput | null;
  fork: ForkSuggestion | null;
  dropped_markers: number;
  state_version: number;
};

const iso = (value: DateLike) => (value === null ? null : typeof value === "string" ? value : value.toISOString());

const PROPOSED: readonly string[] = ["applied_success", "applied_failed", "applied_partial"];

function toProposal(value: unknown): OutcomeProposal | null {
  if (!value || typeof value !== "object") return null;
  const { outcome, notes } = value as { outcome?: unknown; notes?: unknown };
  if (typeof outcome !== "string" || !PROPOSED.includes(outcome)) return null;
  return { outcome: outcome as ProposedOutcome, notes: typeof notes === "string" && notes.trim() ? notes : null };
}

export function toPilotFact(fact: FactInput): PilotFact {
  return { id: fact.id, text: fact.text, sourceKind: fact.source_kind, sourceRef: fact.source_ref, editable: fact.editable };
}

export function toPilotFix(fix: FixInput): PilotFix {
  return {
    id: fix.id,
    title: fix.title,
    description: fix.description,
    confidence: fix.confidence,
    script: fix.edited_script ?? fix.ai_drafted_script,
    status: fix.status,
    appliedAt: iso(fix.applied_at),
    verifiedAt: iso(fix.verified_at),
    partialNotes: fix.partial_notes,
    failureReason: fix.failure_reason,
    proposal: toProposal(fix.ai_outcome_proposal),
    sourceSession: fix.source_session_id ? { id: fix.source_session_id, title: fix.source_session_title ?? "a resolved session" } : null,
  };
}

/** D4: outcomes after which nothing more happens to a fix. */
export function isFinalFixStatus(status: FixStatus): boolean {
  return status === "applied_success" || status === "applied_failed" || status === "dismissed";
}
