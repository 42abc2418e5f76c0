import { readAccountPreferences } from "@/lib/accounts/preferences";
import type { AccountPreferences } from "@/lib/accounts/schemas";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildEscalationEmail, type EmailPayload } from "@/lib/notifications/email";

export type Recipient = { id: string; email: string; name: string };
/** What a Slack or Teams delivery keeps; the webhook URL is read from the preferences at send time. */
export type ChatPayload = { title: string; text: string; link: string };

export type EscalationDeliveriesInput = {
  accountId: string;
  handoffId: string;
  sessionId: string;
  sessionTitle: string;
  reason: string;
  escalatorName: string;
  /** The teammates the transaction already chose for bell rows (escalationRecipientsWhere). */
  recipients: Recipient[];
};

const CHAT_CHANNELS = ["slack", "teams"] as const;

/** One pending delivery of an escalation: email to a recipient, or the account's Slack / Teams post. */
export type EscalationDeliveryRow = {
  accountId: string; handoffId: string; recipientUserId: string | null; channel: "email" | "slack" | "teams";
  idempotencyKey: string; payload: EmailPayload | ChatPayload;
};

/**
 * Where a teammate picks an escalation up (F3). `from=escalations` tells the session page the
 * person came for an escalation, so its back link returns to the queue.
 */
export function pickupPath(sessionId: string): string {
  return `/pilot/${sessionId}?pickup=true&from=escalations`;
}

/**
 * F1/F3: writes, inside the escalation transaction, one pending `email` delivery per recipient
 * (when the account has escalation email on) and one `slack` / `teams` delivery when that webhook
 * is configured. Nothing is sent here: the caller dispatches the returned ids after commit, and
 * the sweeper picks up whatever a crash left behind. Keys are `escalation/<handoff>/<user|account>/<channel>`.
 */
export async function enqueueEscalationDeliveries(tx: Tx, input: EscalationDeliveriesInput): Promise<string[]> {
  return insertDeliveries(tx, escalationDeliveryRows(input, await readAccountPreferences(input.accountId, tx)));
}

/** The rows `enqueueEscalationDeliveries` writes, for a caller that writes them itself. */
export function escalationDeliveryRows(input: EscalationDeliveriesInput, preferences: AccountPreferences): EscalationDeliveryRow[] {
  const rows: EscalationDeliveryRow[] = [];
  if (preferences.escalation_email_enabled) rows.push(...emailDeliveries(input, { reminder: false }));
  const title = `${input.escalatorName} escalated “${input.sessionTitle}”`;
  const link = `${env.APP_URL.replace(/\/$/, "")}${pickupPath(input.sessionId)}`;
  for (const channel of CHAT_CHANNELS) {
    if (!preferences[`${channel}_webhook_url`]) continue;
    const payload: ChatPayload = { title, text: `Reason: ${input.reason}`, link };
    rows.push({ accountId: input.accountId, handoffId: input.handoffId, recipientUserId: null, channel, idempotencyKey: `escalation/${input.handoffId}/account/${channel}`, payload });
  }
  return rows;
}

/** F9: the reminder round, email only, keys suffixed `/renotify`. Returns the new delivery ids. */
export async function enqueueReminderEmails(tx: Tx, input: EscalationDeliveriesInput): Promise<string[]> {
  const preferences = await readAccountPreferences(input.accountId, tx);
  if (!preferences.escalation_email_enabled) return [];
  return insertDeliveries(tx, emailDeliveries(input, { reminder: true }));
}

function emailDeliveries(input: EscalationDeliveriesInput, options: { reminder: boolean }): EscalationDeliveryRow[] {
  const path = pickupPath(input.sessionId);
  return input.recipients.map((recipient) => {
    const mail = buildEscalationEmail({
      recipientName: recipient.name, escalatorName: input.escalatorName, sessionTitle: input.sessionTitle,
      reason: input.reason, path, reminder: options.reminder,
    });
    const payload: EmailPayload = { to: recipient.email, to_name: recipient.name, ...mail };
    const key = `escalation/${input.handoffId}/${recipient.id}/email${options.reminder ? "/renotify" : ""}`;
    return { accountId: input.accountId, handoffId: input.handoffId, recipientUserId: recipient.id, channel: "email" as const, idempotencyKey: key, payload };
  });
}

async function insertDeliveries(tx: Tx, rows: Prisma.NotificationDeliveryCreateManyInput[]): Promise<string[]> {
  if (rows.length === 0) return [];
  // A key that already exists is the same notification: keep the first, never send it twice.
  const created = await tx.notificationDelivery.createManyAndReturn({ data: rows, select: { id: true }, skipDuplicates: true });
  return created.map((row) => row.id);
}
