import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { queryPreparedRows } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { handoffView, sessionView } from "@/lib/handoffs/views";
import { runInBackground } from "@/lib/notifications/dispatcher";
import { publishCommitted } from "@/lib/realtime/bus";
import { accountEventLock, type RealtimeEvent } from "@/lib/realtime/events";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";
import { utcTimestamp } from "@/lib/sql/utc";

export type ClaimHandoff = { sessionId: string; handoffId: string };

/** The escalator's bell row saying who picked their session up. */
export const PICKED_UP_NOTIFICATION_TYPE = "session.picked_up";

type ClaimRow = {
  found: boolean; fromUserId: string | null; intent: string | null; holderName: string | null;
  handoffId: string | null; reason: string; targetUserId: string | null; claimedAt: Date | null; claimedById: string | null; createdAt: Date;
  status: string; escalationReason: string | null; escalatedToId: string | null; escalatedAt: Date | null; handlerId: string | null;
  eventId: string | null; eventCreatedAt: Date;
};

/**
 * F6–F7: claims an escalation for `viewer`. One conditional update decides the race: the handoff
 * must be unclaimed, not the viewer's own, and its session in transit (escalated or legacy
 * requesting_escalation), so exactly one claimer wins. The winner becomes the session's handler,
 * the session is active again, a "Picked up by" step and the `handoff_claimed` live event are
 * written, every bell row announcing this (or an earlier) escalation of the session is resolved
 * for every recipient, and the escalator gets a "picked up" bell row.
 *
 * All of it is one statement (its own transaction): racers queue on the handoff's row lock for
 * one round trip of the winner's, not for an interactive transaction's many. The event is
 * published after commit without holding up the answer. Throws forbidden for viewers, not_found
 * for a handoff outside the viewer's account, invalid for one's own escalation, conflict naming
 * the holder when someone else got there first.
 */
export async function claimHandoff(viewer: Viewer, input: ClaimHandoff) {
  if (viewer.role === "viewer") throw forbidden("Engineer or admin access required.");
  const now = new Date();
  const [row] = await queryPreparedRows<ClaimRow>(claimStatement(viewer, input, now));
  if (!row?.found) throw notFound("Handoff");
  if (row.fromUserId === viewer.userId) throw invalid("You can't pick up your own escalation; a teammate has to.");
  if (row.intent !== "escalate") throw conflict("A parked session isn't waiting for pickup.");
  if (!row.handoffId || !row.eventId) throw explainClaimMiss(row.holderName);

  const event: RealtimeEvent = {
    id: row.eventId, accountId: viewer.accountId, type: "handoff_claimed", payload: claimedPayload(viewer, input, now), createdAt: row.eventCreatedAt.toISOString(),
  };
  runInBackground("handoffs.claim_publish_failed", () => publishCommitted(event));
  return {
    handoff: handoffView({ ...row, id: row.handoffId, sessionId: input.sessionId, intent: row.intent, fromUserId: row.fromUserId! }),
    session: sessionView({ ...row, id: input.sessionId }),
  };
}

function claimedPayload(viewer: Viewer, input: ClaimHandoff, now: Date) {
  return { handoff_id: input.handoffId, session_id: input.sessionId, claimed_by_id: viewer.userId, claimed_by_name: viewer.name, claimed_at: now.toISOString() };
}

/**
 * The claim as one statement. `target` locks the handoff and reads it for the refusals: a racer
 * that waited on the winner's lock reads the row as the winner left it (READ COMMITTED follows
 * the update), so a loser's answer names who holds it without a second statement. `claimed` is
 * the race; everything after it writes only when `claimed` returned the row. Bell rows of the
 * session's escalations are settled for every recipient, the claimer included: resolved now,
 * read now unless read already; rows that announce no handoff (an escalator's "picked up") are
 * left alone. The escalator is never the claimer (refused in `claimed`), so the "picked up" row
 * always tells someone else. The realtime event's id is drawn under the account's event lock
 * (see recordRealtimeEvent), taken only by a winner.
 */
function claimStatement(viewer: Viewer, input: ClaimHandoff, now: Date) {
  const at = utcTimestamp(now);
  const inTransit = Prisma.join(IN_TRANSIT_STATUSES.map((status) => Prisma.sql`${status}::"SessionStatus"`));
  const stepMetadata = JSON.stringify({ type: "handoff_claimed", handoff_id: input.handoffId });
  return Prisma.sql`
    WITH target AS (
      SELECT from_user_id, intent::text AS intent, claimed_by_id FROM session_handoffs
      WHERE id = ${input.handoffId}::uuid AND session_id = ${input.sessionId}::uuid AND account_id = ${viewer.accountId}::uuid
      FOR UPDATE
    ), claimed AS (
      UPDATE session_handoffs h SET claimed_at = ${at}, claimed_by_id = ${viewer.userId}::uuid
      WHERE h.id = ${input.handoffId}::uuid AND h.session_id = ${input.sessionId}::uuid AND h.account_id = ${viewer.accountId}::uuid
        AND h.intent = 'escalate' AND h.claimed_at IS NULL AND h.from_user_id <> ${viewer.userId}::uuid
        AND EXISTS (SELECT 1 FROM ai_sessions s WHERE s.id = h.session_id AND s.status IN (${inTransit}))
      RETURNING h.id, h.reason, h.from_user_id, h.target_user_id, h.claimed_at, h.claimed_by_id, h.created_at
    ), session AS (
      UPDATE ai_sessions SET handler_id = ${viewer.userId}::uuid, status = 'active', updated_at = ${at}
      WHERE id = ${input.sessionId}::uuid AND EXISTS (SELECT 1 FROM claimed)
      RETURNING title, status::text AS status, escalation_reason, escalated_to_id, escalated_at, handler_id
    ), settled AS (
      UPDATE app_notifications SET read_at = COALESCE(read_at, ${at}), resolved_at = ${at}
      WHERE account_id = ${viewer.accountId}::uuid AND resolved_at IS NULL AND EXISTS (SELECT 1 FROM claimed)
        AND handoff_id IN (SELECT id FROM session_handoffs WHERE session_id = ${input.sessionId}::uuid)
    ), told AS (
      INSERT INTO app_notifications (id, account_id, user_id, type, session_id, title, body, link, created_at)
      SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, claimed.from_user_id, ${PICKED_UP_NOTIFICATION_TYPE}, ${input.sessionId}::uuid,
        ${viewer.name}::text || ' picked up “' || session.title || '”', 'They are handling it now; open the session to follow along.',
        ${`/pilot/${input.sessionId}`}, ${at}
      FROM claimed, session
    ), step AS (
      INSERT INTO ai_session_steps (id, account_id, session_id, user_id, kind, content, metadata, created_at)
      SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, ${input.sessionId}::uuid, ${viewer.userId}::uuid, 'engineer_action',
        ${`Picked up by ${viewer.name}`}, ${stepMetadata}::jsonb, ${at}
      FROM claimed
    ), locked AS MATERIALIZED (
      SELECT 1 FROM claimed, ${accountEventLock(viewer.accountId)}
    ), event AS (
      INSERT INTO realtime_events (account_id, type, payload, created_at)
      SELECT ${viewer.accountId}::uuid, 'handoff_claimed', ${JSON.stringify(claimedPayload(viewer, input, now))}::jsonb, ${at}
      FROM locked
      RETURNING id::text AS id, created_at
    )
    SELECT target.from_user_id IS NOT NULL AS found, target.from_user_id AS "fromUserId", target.intent, holder.name AS "holderName",
      claimed.id AS "handoffId", claimed.reason, claimed.target_user_id AS "targetUserId",
      claimed.claimed_at AT TIME ZONE 'UTC' AS "claimedAt", claimed.claimed_by_id AS "claimedById", claimed.created_at AT TIME ZONE 'UTC' AS "createdAt",
      session.status, session.escalation_reason AS "escalationReason", session.escalated_to_id AS "escalatedToId",
      session.escalated_at AT TIME ZONE 'UTC' AS "escalatedAt", session.handler_id AS "handlerId",
      event.id AS "eventId", event.created_at AT TIME ZONE 'UTC' AS "eventCreatedAt"
    FROM (SELECT 1) AS one
      LEFT JOIN target ON true LEFT JOIN users holder ON holder.id = target.claimed_by_id
      LEFT JOIN claimed ON true LEFT JOIN session ON true LEFT JOIN event ON true`;
}

/** Why a claim that found its handoff lost: someone holds it, or its session left the queue. */
function explainClaimMiss(holderName: string | null) {
  if (holderName) return conflict(`Already picked up by ${holderName}.`);
  return conflict("This session is no longer waiting for pickup. Reload to see where it is.");
}
