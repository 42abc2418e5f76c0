import type { Prisma } from "@/lib/generated/prisma/client";
import type { FixDecision, FixStatus } from "@/lib/generated/prisma/enums";

type FixRow = {
  id: string;
  sessionId: string;
  title: string;
  description: string;
  confidence: number;
  templateId: string | null;
  aiDraftedScript: string | null;
  aiDraftedParameters: Prisma.JsonValue | null;
  userDecision: FixDecision | null;
  decidedAt: Date | null;
  decidedById: string | null;
  editedScript: string | null;
  status: FixStatus;
  appliedAt: Date | null;
  verifiedAt: Date | null;
  partialNotes: string | null;
  failureReason: string | null;
  aiOutcomeProposal: Prisma.JsonValue | null;
  supersededAt: Date | null;
  sourceSessionId?: string | null;
  /** Read with the fix where the page shows it ("Worked before: <title>"); absent elsewhere. */
  sourceSession?: { title: string } | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Includes what the fix card shows of a reused fix's origin. */
export const withSourceSession = { sourceSession: { select: { title: true } } } as const;

/** A suggested fix as the API returns it (snake_case, outcome fields included). */
export type FixView = ReturnType<typeof toFixView>;

export function toFixView(fix: FixRow) {
  return {
    id: fix.id,
    session_id: fix.sessionId,
    title: fix.title,
    description: fix.description,
    confidence: fix.confidence,
    template_id: fix.templateId,
    ai_drafted_script: fix.aiDraftedScript,
    ai_drafted_parameters: fix.aiDraftedParameters,
    user_decision: fix.userDecision,
    decided_at: fix.decidedAt,
    decided_by_id: fix.decidedById,
    edited_script: fix.editedScript,
    status: fix.status,
    applied_at: fix.appliedAt,
    verified_at: fix.verifiedAt,
    partial_notes: fix.partialNotes,
    failure_reason: fix.failureReason,
    ai_outcome_proposal: fix.aiOutcomeProposal,
    superseded_at: fix.supersededAt,
    source_session_id: fix.sourceSessionId ?? null,
    source_session_title: fix.sourceSession?.title ?? null,
    created_at: fix.createdAt,
    updated_at: fix.updatedAt,
  };
}
