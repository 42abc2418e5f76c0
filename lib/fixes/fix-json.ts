import { Prisma } from "@/lib/generated/prisma/client";
import type { FixDecision, FixStatus } from "@/lib/generated/prisma/enums";
import { toFixView, type FixView } from "@/lib/fixes/fix-view";
import { utcIsoText } from "@/lib/sql/utc";

/**
 * A fix row as one JSON value, its timestamps as ISO text and its source session's title beside
 * it; `x` is the fix's alias. For statements that read or write a fix without Prisma's model
 * queries (each costs a compiled query); `fixViewOfJson` turns the value into the API's FixView.
 */
export const FIX_JSON = Prisma.sql`json_build_object(
  'id', x.id, 'sessionId', x.session_id, 'title', x.title, 'description', x.description, 'confidence', x.confidence,
  'templateId', x.template_id, 'aiDraftedScript', x.ai_drafted_script, 'aiDraftedParameters', x.ai_drafted_parameters,
  'userDecision', x.user_decision, 'decidedAt', ${utcIsoText("x.decided_at")}, 'decidedById', x.decided_by_id,
  'editedScript', x.edited_script, 'status', x.status, 'appliedAt', ${utcIsoText("x.applied_at")},
  'verifiedAt', ${utcIsoText("x.verified_at")}, 'partialNotes', x.partial_notes, 'failureReason', x.failure_reason,
  'aiOutcomeProposal', x.ai_outcome_proposal, 'supersededAt', ${utcIsoText("x.superseded_at")},
  'sourceSessionId', x.source_session_id,
  'sourceSession', (SELECT json_build_object('title', src.title) FROM ai_sessions src WHERE src.id = x.source_session_id),
  'createdAt', ${utcIsoText("x.created_at")}, 'updatedAt', ${utcIsoText("x.updated_at")})`;

/** What `FIX_JSON` reads back as. */
export type FixJson = {
  id: string; sessionId: string; title: string; description: string; confidence: number; templateId: string | null;
  aiDraftedScript: string | null; aiDraftedParameters: Prisma.JsonValue | null; userDecision: FixDecision | null;
  decidedAt: string | null; decidedById: string | null; editedScript: string | null; status: FixStatus; appliedAt: string | null;
  verifiedAt: string | null; partialNotes: string | null; failureReason: string | null; aiOutcomeProposal: Prisma.JsonValue | null;
  supersededAt: string | null; sourceSessionId: string | null; sourceSession: { title: string } | null; createdAt: string; updatedAt: string;
};

const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

export function fixViewOfJson(fix: FixJson): FixView {
  return toFixView({
    ...fix,
    decidedAt: dateOrNull(fix.decidedAt),
    appliedAt: dateOrNull(fix.appliedAt),
    verifiedAt: dateOrNull(fix.verifiedAt),
    supersededAt: dateOrNull(fix.supersededAt),
    createdAt: new Date(fix.createdAt),
    updatedAt: new Date(fix.updatedAt),
  });
}
