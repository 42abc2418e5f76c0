import { preferenceDefaults } from "@/lib/accounts/schemas";
import { db, type Tx } from "@/lib/db";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { dispatchDeliveries } from "@/lib/notifications/dispatcher";
import { enqueueReminderEmails, pickupPath } from "@/lib/notifications/outbox";
import { publishCommitted } from "@/lib/realtime/bus";
import { recordRealtimeEvent, type RealtimeEvent } from "@/lib/realtime/events";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";
import { runInSystemScope, runInTenantScope } from "@/lib/tenancy/scope";

export const REMINDER_NOTIFICATION_TYPE = "session.escalation_reminder";
const BATCH = 50;
const utc = (date: Date) => date.toISOString();

type Due = { id: string; accountId: string };

/**
 * F9: reminds the team of escalations nobody has picked up: unclaimed, session still escalated (or
 * legacy requesting_escalation), older than the account's `escalation_renotify_minutes`. Each
 * handoff is reminded once — a bell reminder and an email (when on) per eligible teammate, email
 * keys suffixed `/renotify` — gated by `renotified_at`, so concurrent or repeated runs make one
 * round. The bell keeps one row per handoff and teammate: the escalation's row is turned into
 * the reminder (new title, unread again, on top), never a second unread row beside it.
 * After each commit it publishes a `handoff_reminded` live event (open bells refresh) and sends
 * the new emails. Returns the reminded handoff ids.
 */
export async function renotifyUnclaimed(now: Date = new Date(), limit = BATCH): Promise<string[]> {
  // The threshold is per account, so it is computed in SQL; a stored value of the wrong type means the default.
  // Finding what is due spans every account: the one cross-tenant read here. Each reminder
  // then runs in its own account's scope.
  const due = await runInSystemScope("renotify", () => db.$queryRaw<Due[]>`
    SELECT h.id, h.account_id AS "accountId" FROM session_handoffs h
    JOIN ai_sessions s ON s.id = h.session_id
    LEFT JOIN account_settings a ON a.account_id = h.account_id
    WHERE h.intent = 'escalate' AND h.claimed_at IS NULL AND h.renotified_at IS NULL
      AND s.status::text = ANY(${[...IN_TRANSIT_STATUSES]}::text[])
      AND h.created_at <= (${utc(now)}::timestamptz AT TIME ZONE 'UTC') - make_interval(mins => CASE
        WHEN jsonb_typeof(a.preferences -> 'escalation_renotify_minutes') = 'number'
        THEN (a.preferences ->> 'escalation_renotify_minutes')::numeric::int
        ELSE ${preferenceDefaults.escalation_renotify_minutes}::int END)
    ORDER BY h.created_at
    LIMIT ${limit}`);

  const reminded: string[] = [];
  for (const { id, accountId } of due) {
    const sent = await runInTenantScope(accountId, async () => {
      const round = await remindOnce(id, now);
      if (round === null) return false;
      await publishCommitted(round.event);
      await dispatchDeliveries(round.deliveryIds);
      return true;
    });
    if (sent) reminded.push(id);
  }
  return reminded;
}

type BellReminder = { handoffId: string; accountId: string; sessionId: string; now: Date; recipientIds: string[]; title: string; body: string };

/** Refreshes each recipient's row of this handoff into the reminder, and writes one for a recipient who had none. */
async function remindInBell(tx: Tx, reminder: BellReminder) {
  const { handoffId, accountId, sessionId, now, recipientIds, title, body } = reminder;
  const content = { type: REMINDER_NOTIFICATION_TYPE, title, body, link: pickupPath(sessionId) };
  const existing = await tx.appNotification.findMany({ where: { handoffId, userId: { in: recipientIds } }, select: { userId: true } });
  await tx.appNotification.updateMany({
    where: { handoffId, userId: { in: recipientIds } },
    data: { ...content, readAt: null, createdAt: now },
  });
  const had = new Set(existing.map((row) => row.userId));
  await tx.appNotification.createMany({
    data: recipientIds.filter((id) => !had.has(id)).map((userId) => ({ ...content, accountId, userId, sessionId, handoffId, createdAt: now })),
  });
}

/** One handoff's reminder round in one transaction; null when another run (or a claim) got there first. */
async function remindOnce(handoffId: string, now: Date): Promise<{ deliveryIds: string[]; event: RealtimeEvent } | null> {
  return db.$transaction(async (tx) => {
    const gate = await tx.sessionHandoff.updateMany({
      where: { id: handoffId, renotifiedAt: null, claimedAt: null, session: { status: { in: [...IN_TRANSIT_STATUSES] } } },
      data: { renotifiedAt: now },
    });
    if (gate.count === 0) return null;
    const handoff = await tx.sessionHandoff.findFirstOrThrow({
      where: { id: handoffId },
      select: { accountId: true, sessionId: true, reason: true, fromUserId: true, fromUser: { select: { name: true } }, session: { select: { title: true } } },
    });
    const recipients = await tx.user.findMany({
      where: escalationRecipientsWhere({ accountId: handoff.accountId, escalatorId: handoff.fromUserId }),
      select: { id: true, email: true, name: true },
    });
    await remindInBell(tx, {
      handoffId, accountId: handoff.accountId, sessionId: handoff.sessionId, now, recipientIds: recipients.map((user) => user.id),
      title: `Still waiting for pickup: ${handoff.fromUser.name} escalated “${handoff.session.title}”`, body: handoff.reason.slice(0, 280),
    });
    const deliveryIds = await enqueueReminderEmails(tx, {
      accountId: handoff.accountId, handoffId, sessionId: handoff.sessionId, sessionTitle: handoff.session.title,
      reason: handoff.reason, escalatorName: handoff.fromUser.name, recipients,
    });
    const event = await recordRealtimeEvent(tx, handoff.accountId, "handoff_reminded", {
      handoff_id: handoffId, session_id: handoff.sessionId, session_title: handoff.session.title, reminded_at: now.toISOString(),
    });
    return { deliveryIds, event };
  }, { timeout: 10_000 });
}
