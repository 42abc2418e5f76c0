import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PermanentEmailError, sendEmail, type EmailPayload } from "@/lib/notifications/email";
import { readAccountPreferences } from "@/lib/accounts/preferences";
import type { ChatPayload } from "@/lib/notifications/outbox";
import { runInSystemScope } from "@/lib/tenancy/scope";
import { sendChatWebhook } from "@/lib/notifications/webhooks";
import { utcTimestamp } from "@/lib/sql/utc";

/** After this many failed attempts (≈ 3 hours of backoff) a delivery is dead. */
export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
/** A claimed row is invisible to other senders this long; a sender that dies mid-send is retried after it. */
const LEASE_MS = 2 * 60_000;
const SWEEP_BATCH = 50;
const SEND_CONCURRENCY = 8;

type Channel = "email" | "slack" | "teams";
type ClaimedRow = {
  id: string; accountId: string; channel: Channel; attempts: number; idempotencyKey: string; payload: unknown;
  /** Set for mail to someone who is not a user yet (an invitation): the address to send to. */
  recipientEmail: string | null;
};
export type DeliveryOutcome = { id: string; channel: Channel; status: "sent" | "failed" | "dead"; error?: string };

/** A delivery that no retry can fix: the channel was switched off after it was queued. */
class ChannelRemovedError extends Error {}

/** Backoff before attempt `attempts + 1`: 30 s · 2^(attempts−1), capped at 1 h, ±20 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * F3: sends the given deliveries now (called right after the escalation commits). Only rows that
 * are due and not held by another sender are taken, so the sweeper and this never send one row
 * at the same time. Each channel is sent on its own; a failure is recorded on its row (with a
 * backoff) and never stops the others. Never throws for a send failure.
 */
export async function dispatchDeliveries(ids: string[], now: Date = new Date()): Promise<DeliveryOutcome[]> {
  if (ids.length === 0) return [];
  return sendClaimed(await claimDue(now, { ids, limit: ids.length }), now);
}

/** F9: retries every due delivery of every account, up to `limit` per call. */
export async function sweepDeliveries(now: Date = new Date(), limit = SWEEP_BATCH): Promise<DeliveryOutcome[]> {
  return runInSystemScope("notification-sweeper", async () => sendClaimed(await claimDue(now, { limit }), now));
}

/**
 * Takes a lease on due rows in one statement: `FOR UPDATE SKIP LOCKED` keeps a concurrent claimer
 * off rows being claimed, and the pushed-back `next_attempt_at` keeps it off them afterwards.
 */
async function claimDue(now: Date, options: { ids?: string[]; limit: number }): Promise<(ClaimedRow & { leaseUntil: Date })[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const only = options.ids ? Prisma.sql`AND id = ANY(${options.ids}::uuid[])` : Prisma.empty;
  const rows = await queryRows<ClaimedRow>(Prisma.sql`
    WITH due AS (
      SELECT id FROM notification_deliveries
      WHERE status IN ('pending', 'failed') AND next_attempt_at <= ${utcTimestamp(now)} ${only}
      ORDER BY next_attempt_at
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notification_deliveries AS d SET next_attempt_at = ${utcTimestamp(leaseUntil)}, updated_at = ${utcTimestamp(now)}
    FROM due WHERE d.id = due.id
    RETURNING d.id, d.account_id AS "accountId", d.channel::text AS channel, d.attempts, d.idempotency_key AS "idempotencyKey", d.payload,
      d.recipient_email AS "recipientEmail"`);
  return rows.map((row) => ({ ...row, leaseUntil }));
}

async function sendClaimed(rows: (ClaimedRow & { leaseUntil: Date })[], now: Date): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const outcome = await sendOne(row, now).catch((error: unknown) => {
        // Only recording the outcome can land here (the database went away): the lease expires and the row is retried.
        logJson("notifications.record_failed", { delivery_id: row.id, error: messageOf(error) });
        return null;
      });
      if (outcome) outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, rows.length) }, worker));
  return outcomes;
}

async function sendOne(row: ClaimedRow & { leaseUntil: Date }, now: Date): Promise<DeliveryOutcome> {
  const attempts = row.attempts + 1;
  let failure: unknown;
  try {
    await deliver(row);
  } catch (error) {
    failure = error;
  }
  if (failure === undefined) {
    const sentAt = new Date();
    await recordOutcome(row, Prisma.sql`status = 'sent', sent_at = ${utcTimestamp(sentAt)}, attempts = ${attempts}, updated_at = ${utcTimestamp(sentAt)}`);
    return { id: row.id, channel: row.channel, status: "sent" };
  }
  const message = messageOf(failure);
  const permanent = failure instanceof PermanentEmailError || failure instanceof ChannelRemovedError;
  const status = permanent || attempts >= MAX_ATTEMPTS ? "dead" : "failed";
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  await recordOutcome(row, Prisma.sql`
    status = ${status}::"DeliveryStatus", attempts = ${attempts}, last_error = ${message.slice(0, 2000)},
    next_attempt_at = ${utcTimestamp(nextAttemptAt)}, updated_at = ${utcTimestamp(new Date())}`);
  logJson("notifications.delivery_failed", {
    delivery_id: row.id, account_id: row.accountId, channel: row.channel, attempts, status,
    next_attempt_at: status === "dead" ? null : nextAttemptAt.toISOString(), error: message,
  });
  return { id: row.id, channel: row.channel, status, error: message };
}

/**
 * Writes a send's outcome, as one plain statement (one per delivery of every escalation, so it
 * skips Prisma's query compilation). Only the holder of the lease may: a row re-claimed after
 * its lease expired is someone else's, and the `next_attempt_at` condition leaves it alone.
 */
async function recordOutcome(row: ClaimedRow & { leaseUntil: Date }, set: Prisma.Sql) {
  await queryRows(Prisma.sql`
    UPDATE notification_deliveries SET ${set}
    WHERE id = ${row.id}::uuid AND next_attempt_at = ${utcTimestamp(row.leaseUntil)} AND status IN ('pending', 'failed')`);
}

async function deliver(row: ClaimedRow): Promise<void> {
  if (row.channel === "email") {
    const mail = row.payload as EmailPayload;
    await sendEmail(row.recipientEmail ? { ...mail, to: row.recipientEmail } : mail, row.idempotencyKey);
    return;
  }
  // The URL is a credential kept only in the preferences: read it now, so a changed URL is honoured.
  const preferences = await readAccountPreferences(row.accountId);
  const url = preferences[`${row.channel}_webhook_url`];
  if (!url) throw new ChannelRemovedError(`The ${row.channel === "slack" ? "Slack" : "Teams"} webhook is no longer configured for this account.`);
  await sendChatWebhook(row.channel, url, row.payload as ChatPayload);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function logJson(event: string, fields: Record<string, unknown>) {
  console.error(JSON.stringify({ event, ...fields }));
}

const background = new Set<Promise<void>>();

/**
 * Runs `task` after the caller has answered, without making it wait (email and webhooks can be
 * slow). Errors are logged under `event`, never thrown; the outbox sweeper retries what is lost.
 */
export function runInBackground(event: string, task: () => Promise<void>): void {
  const running = task()
    .catch((error: unknown) => logJson(event, { error: messageOf(error) }))
    .finally(() => background.delete(running));
  background.add(running);
}

/** Resolves once every background task started so far has finished (tests; graceful shutdown). */
export async function backgroundTasksSettled(): Promise<void> {
  while (background.size > 0) await Promise.allSettled([...background]);
}
