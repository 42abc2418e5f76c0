/** Wire shapes (snake_case, ISO times) of the rows the handoff services return. */
type HandoffRow = {
  id: string; sessionId: string; intent: string; reason: string; fromUserId: string; targetUserId: string | null;
  claimedAt: Date | null; claimedById: string | null; createdAt: Date;
};
type SessionRow = { id: string; status: string; escalationReason: string | null; escalatedToId: string | null; escalatedAt: Date | null; handlerId?: string | null };

export function handoffView(h: HandoffRow) {
  return {
    id: h.id, session_id: h.sessionId, intent: h.intent, reason: h.reason, from_user_id: h.fromUserId, target_user_id: h.targetUserId,
    claimed_at: h.claimedAt?.toISOString() ?? null, claimed_by_id: h.claimedById, created_at: h.createdAt.toISOString(),
  };
}

export function sessionView(s: SessionRow) {
  return {
    id: s.id, status: s.status, escalation_reason: s.escalationReason, escalated_to_id: s.escalatedToId,
    escalated_at: s.escalatedAt?.toISOString() ?? null, handler_id: s.handlerId ?? null,
  };
}

/**
 * The one reason an escalation shows, wherever it shows (the queue, the handoff screen): the
 * open handoff's own words, else the session's copy (a legacy escalation wrote no handoff).
 */
export function escalationReasonOf(session: { escalationReason: string | null }, openHandoff: { reason: string } | null | undefined): string | null {
  return openHandoff?.reason ?? session.escalationReason;
}
