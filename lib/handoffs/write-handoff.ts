import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { queryPreparedRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HandoffIntent, SessionStatus } from "@/lib/generated/prisma/enums";
import { escalationRecipientsSql } from "@/lib/handoffs/recipients";
import type { EscalationDeliveryRow, Recipient } from "@/lib/notifications/outbox";
import { accountEventLock, type RealtimeEvent } from "@/lib/realtime/events";
import { utcTimestamp } from "@/lib/sql/utc";

export const NOTIFICATION_TYPE = "session.escalated";

/** What an escalation adds to a handoff: the package and whom to tell, chosen before the write. */
export type EscalationWrite = {
  /** Chosen with the deliveries, whose keys name it. */
  handoffId: string;
  markdown: string;
  aiGenerated: boolean;
  link: string;
  recipients: Recipient[];
  deliveries: EscalationDeliveryRow[];
};

export type HandoffWrite = {
  viewer: Viewer;
  session: { id: string; title: string; psaTicketId: string | null };
  intent: HandoffIntent;
  reason: string;
  targetUserId: string | null;
  /** Statuses the session must not be in; the write does nothing when it is. */
  blocked: SessionStatus[];
  escalation: EscalationWrite | null;
  now: Date;
};

type WrittenRow = {
  status: string; escalationReason: string | null; escalatedToId: string | null; escalatedAt: Date | null; handlerId: string | null;
  eventId: string | null; eventCreatedAt: Date | null; deliveryIds: string[] | null;
};

/**
 * Writes a handoff as one statement (its own transaction): the session's move (and, to escalate,
 * its escalation fields), the handoff, a step, and to escalate the documentation, a bell row per
 * recipient, the pending deliveries and the `handoff_created` event. Returns null, writing
 * nothing, when the session is in a `blocked` status by now: a second, concurrent handoff waits
 * on the first's row lock and then misses. Recipients chosen before the write are told only if
 * they are still eligible, bell row and deliveries alike. The event id is drawn under the
 * account's event lock (recordRealtimeEvent), held for this one statement only.
 */
export async function writeHandoff(write: HandoffWrite) {
  const ids = { handoff: write.escalation?.handoffId ?? randomUUID(), documentation: write.escalation ? randomUUID() : null };
  const [row] = await queryPreparedRows<WrittenRow>(handoffStatement(write, ids));
  if (!row) return null;
  const { viewer, session, now, escalation } = write;
  const handoff = {
    id: ids.handoff, sessionId: session.id, intent: write.intent, reason: write.reason, fromUserId: viewer.userId, targetUserId: write.targetUserId,
    claimedAt: null, claimedById: null, createdAt: now,
  };
  const event: RealtimeEvent | null = row.eventId && row.eventCreatedAt
    ? { id: row.eventId, accountId: viewer.accountId, type: "handoff_created", payload: createdPayload(write, ids.handoff), createdAt: row.eventCreatedAt.toISOString() }
    : null;
  return {
    handoff,
    session: { id: session.id, status: row.status, escalationReason: row.escalationReason, escalatedToId: row.escalatedToId, escalatedAt: row.escalatedAt, handlerId: row.handlerId },
    documentation: escalation && ids.documentation ? { id: ids.documentation, markdown: escalation.markdown, aiGenerated: escalation.aiGenerated } : null,
    fanOut: event ? { event, deliveryIds: row.deliveryIds ?? [] } : null,
  };
}

function createdPayload(write: HandoffWrite, handoffId: string) {
  const { viewer, session } = write;
  return {
    handoff_id: handoffId, session_id: session.id, session_title: session.title, reason: write.reason,
    from_user_id: viewer.userId, from_user_name: viewer.name, target_user_id: write.targetUserId,
    created_at: write.now.toISOString(), link: write.escalation?.link,
  };
}

function handoffStatement(write: HandoffWrite, ids: { handoff: string; documentation: string | null }) {
  const { viewer, session, escalation } = write;
  const at = utcTimestamp(write.now);
  const blocked = Prisma.join(write.blocked.map((status) => Prisma.sql`${status}::"SessionStatus"`));
  const status = write.intent === "escalate" ? "escalated" : "parked";
  const escalationFields = escalation
    ? Prisma.sql`, escalation_reason = ${write.reason}, escalated_to_id = ${write.targetUserId}::uuid, escalated_at = ${at},
        escalation_package = ${JSON.stringify(packageOf(write, ids.handoff))}::jsonb, escalation_package_markdown = ${escalation.markdown}`
    : Prisma.empty;
  const step = {
    content: write.intent === "escalate" ? `Escalated: ${write.reason}` : `Parked: ${write.reason}`,
    metadata: JSON.stringify({ type: `handoff_${write.intent}`, handoff_id: ids.handoff, documentation_id: ids.documentation }),
  };
  return Prisma.sql`
    WITH moved AS (
      UPDATE ai_sessions SET status = ${status}::"SessionStatus", updated_at = ${at} ${escalationFields}
      WHERE id = ${session.id}::uuid AND account_id = ${viewer.accountId}::uuid AND status NOT IN (${blocked})
      RETURNING status::text AS status, escalation_reason, escalated_to_id, escalated_at, handler_id
    ), handoff AS (
      INSERT INTO session_handoffs (id, account_id, session_id, intent, reason, from_user_id, target_user_id, created_at)
      SELECT ${ids.handoff}::uuid, ${viewer.accountId}::uuid, ${session.id}::uuid, ${write.intent}::"HandoffIntent", ${write.reason},
        ${viewer.userId}::uuid, ${write.targetUserId}::uuid, ${at}
      FROM moved
      RETURNING id
    ), step AS (
      INSERT INTO ai_session_steps (id, account_id, session_id, user_id, kind, content, metadata, created_at)
      SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, ${session.id}::uuid, ${viewer.userId}::uuid, 'engineer_action',
        ${step.content}, ${step.metadata}::jsonb, ${at}
      FROM moved
    ) ${escalation ? escalationCtes(write, escalation, ids) : Prisma.sql`, event AS (SELECT NULL::text AS id, NULL::timestamp AS created_at), delivered AS (SELECT NULL::uuid[] AS ids)`}
    SELECT moved.status, moved.escalation_reason AS "escalationReason", moved.escalated_to_id AS "escalatedToId",
      moved.escalated_at AT TIME ZONE 'UTC' AS "escalatedAt", moved.handler_id AS "handlerId",
      event.id AS "eventId", event.created_at AT TIME ZONE 'UTC' AS "eventCreatedAt", delivered.ids::text[] AS "deliveryIds"
    FROM moved, handoff LEFT JOIN event ON true LEFT JOIN delivered ON true`;
}

/**
 * The escalation's part of the statement. Every insert selects from `handoff`, so nothing is
 * written when the session's move missed; the event's lock is taken last, right before its id.
 */
function escalationCtes(write: HandoffWrite, escalation: EscalationWrite, ids: { handoff: string; documentation: string | null }) {
  const { viewer, session } = write;
  const at = utcTimestamp(write.now);
  const recipientIds = escalation.recipients.map((recipient) => recipient.id);
  const deliveries = JSON.stringify(escalation.deliveries.map((row) => ({
    recipient_user_id: row.recipientUserId, channel: row.channel, idempotency_key: row.idempotencyKey, payload: row.payload,
  })));
  return Prisma.sql`, documentation AS (
      INSERT INTO session_documentation (id, account_id, session_id, kind, markdown, ai_generated, psa_post_status, created_by_id, created_at)
      SELECT ${ids.documentation}::uuid, ${viewer.accountId}::uuid, ${session.id}::uuid, 'escalation_package', ${escalation.markdown},
        ${escalation.aiGenerated}, ${session.psaTicketId ? null : "local"}::text, ${viewer.userId}::uuid, ${at}
      FROM handoff
    ), recipients AS (
      SELECT u.id FROM users u
      WHERE u.id = ANY(${recipientIds}::uuid[]) AND ${escalationRecipientsSql("u", { accountId: viewer.accountId, escalatorId: viewer.userId })}
    ), notified AS (
      INSERT INTO app_notifications (id, account_id, user_id, type, session_id, handoff_id, title, body, link, created_at)
      SELECT gen_random_uuid(), ${viewer.accountId}::uuid, recipients.id, ${NOTIFICATION_TYPE}, ${session.id}::uuid, handoff.id,
        ${`${viewer.name} escalated “${session.title}”`}, ${write.reason.slice(0, 280)}, ${escalation.link}, ${at}
      FROM handoff, recipients
    ), delivery AS (
      INSERT INTO notification_deliveries (id, account_id, handoff_id, recipient_user_id, channel, idempotency_key, payload, next_attempt_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${viewer.accountId}::uuid, handoff.id, r.recipient_user_id, r.channel, r.idempotency_key, r.payload, ${at}, ${at}, ${at}
      FROM handoff, jsonb_to_recordset(${deliveries}::jsonb)
        AS r(recipient_user_id uuid, channel "NotificationChannel", idempotency_key text, payload jsonb)
      WHERE r.recipient_user_id IS NULL OR r.recipient_user_id IN (SELECT id FROM recipients)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id
    ), delivered AS (
      SELECT array_agg(id) AS ids FROM delivery
    ), locked AS MATERIALIZED (
      SELECT 1 FROM handoff, ${accountEventLock(viewer.accountId)}
    ), event AS (
      INSERT INTO realtime_events (account_id, type, payload, created_at)
      SELECT ${viewer.accountId}::uuid, 'handoff_created', ${JSON.stringify(createdPayload(write, ids.handoff))}::jsonb, ${at}
      FROM locked
      RETURNING id::text AS id, created_at
    )`;
}

function packageOf(write: HandoffWrite, handoffId: string) {
  const { viewer, escalation } = write;
  return {
    markdown: escalation!.markdown,
    ai_generated: escalation!.aiGenerated,
    handoff: {
      id: handoffId, reason: write.reason, from_user_id: viewer.userId, from_user_name: viewer.name,
      target_user_id: write.targetUserId, created_at: write.now.toISOString(),
    },
  };
}
