import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { listNotifications, markNotificationRead } from "@/lib/notifications/bell";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { REMINDER_NOTIFICATION_TYPE, renotifyUnclaimed } from "@/lib/notifications/renotify";
import { escalationBus } from "@/lib/realtime/bus";
import { realtimeEventsAfter, type RealtimeEvent } from "@/lib/realtime/events";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { installFakeResend } from "@/tests/helpers/resend";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const fakeResend = installFakeResend();
const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

let tenant: TestTenant;
beforeEach(async () => {
  tenant = await createTenant("Reminder MSP");
  fakeResend().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

const setPreferences = (preferences: object) =>
  db.accountSettings.upsert({ where: { accountId: tenant.accountId }, create: { accountId: tenant.accountId, preferences }, update: { preferences } });

async function reminderRound(handoffId: string) {
  const bells = await db.appNotification.findMany({ where: { handoffId, type: REMINDER_NOTIFICATION_TYPE }, orderBy: { userId: "asc" } });
  const emails = await db.notificationDelivery.findMany({ where: { handoffId, idempotencyKey: { endsWith: "/renotify" } }, orderBy: { recipientUserId: "asc" } });
  return { bells, emails };
}

describe("renotifyUnclaimed", () => {
  it("reminds each teammate once (bell and email) after the default 30 minutes; running again, or twice at once, adds nothing", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect(await renotifyUnclaimed(later(29))).not.toContain(handoff.id);

    const runs = await Promise.all([renotifyUnclaimed(later(31)), renotifyUnclaimed(later(31))]);
    expect(runs.flat().filter((id) => id === handoff.id)).toHaveLength(1);
    expect(await renotifyUnclaimed(later(90))).not.toContain(handoff.id);

    const { bells, emails } = await reminderRound(handoff.id);
    const teammates = [tenant.owner.id, tenant.admin.id].sort();
    expect(bells.map((bell) => bell.userId).sort()).toEqual(teammates);
    expect(bells[0]).toMatchObject({ sessionId: session.id, link: `/pilot/${session.id}?pickup=true&from=escalations`, title: expect.stringContaining("Still waiting for pickup") });
    expect(emails.map((row) => row.recipientUserId).sort()).toEqual(teammates);
    for (const row of emails) {
      expect(row).toMatchObject({ status: "sent", idempotencyKey: `escalation/${handoff.id}/${row.recipientUserId}/email/renotify` });
    }
    expect(fakeResend().emails.map((mail) => mail.subject)).toEqual([`Still waiting for pickup: “${session.title}”`, `Still waiting for pickup: “${session.title}”`]);
    expect((await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).renotifiedAt).not.toBeNull();
  });

  it("records a handoff_reminded event with the round and publishes it to the account's live subscribers", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const live: RealtimeEvent[] = [];
    const subscription = escalationBus.subscribe(tenant.accountId, { onEvent: (event) => live.push(event) });
    try {
      await renotifyUnclaimed(later(31));
    } finally {
      subscription.close();
    }
    const expected = { type: "handoff_reminded", payload: expect.objectContaining({ handoff_id: handoff.id, session_id: session.id, session_title: session.title }) };
    expect(live).toEqual([expect.objectContaining(expected)]);
    expect(await realtimeEventsAfter(tenant.accountId, "0")).toEqual([expect.objectContaining({ ...expected, id: live[0]!.id })]);
  });

  it("follows the account's escalation_renotify_minutes", async () => {
    await setPreferences({ escalation_renotify_minutes: 60 });
    const { handoff } = await createPendingHandoff(tenant.engineer);
    expect(await renotifyUnclaimed(later(45))).not.toContain(handoff.id);
    expect(await renotifyUnclaimed(later(61))).toContain(handoff.id);
  });

  it("reminds a legacy requesting_escalation session too", async () => {
    const { handoff } = await createPendingHandoff(tenant.engineer, { status: "requesting_escalation" });
    expect(await renotifyUnclaimed(later(31))).toContain(handoff.id);
  });

  it("never reminds a claimed escalation, a parked session or one no longer in transit", async () => {
    const claimed = await createPendingHandoff(tenant.engineer);
    await claimHandoff(viewerOf(tenant.admin), { sessionId: claimed.session.id, handoffId: claimed.handoff.id });
    const parked = await createPendingHandoff(tenant.engineer, { intent: "park" });
    const resolved = await createPendingHandoff(tenant.engineer);
    await db.aiSession.update({ where: { id: resolved.session.id }, data: { status: "resolved" } });

    const reminded = await renotifyUnclaimed(later(120));
    for (const { handoff } of [claimed, parked, resolved]) {
      expect(reminded).not.toContain(handoff.id);
      expect(await reminderRound(handoff.id)).toEqual({ bells: [], emails: [] });
    }
  });

  it("sends bell reminders only when the account switched escalation email off", async () => {
    await setPreferences({ escalation_email_enabled: false });
    const { handoff } = await createPendingHandoff(tenant.engineer);
    expect(await renotifyUnclaimed(later(31))).toContain(handoff.id);
    const { bells, emails } = await reminderRound(handoff.id);
    expect(bells).toHaveLength(2);
    expect(emails).toHaveLength(0);
  });

  it("turns each teammate's escalation row into the reminder: still one row per handoff and teammate, unread again, on top", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Switch loop" });
    const { handoff } = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "STP storm", packageMarkdown: "## Problem\nLoop" });
    const [adminRow] = await listNotifications(viewerOf(tenant.admin));
    await markNotificationRead(viewerOf(tenant.admin), adminRow!.id);
    expect((await getSidebarCounts(viewerOf(tenant.admin))).unreadNotifications).toBe(0);

    expect(await renotifyUnclaimed(later(31))).toContain(handoff.id);
    const rows = await db.appNotification.findMany({ where: { handoffId: handoff.id }, orderBy: { userId: "asc" } });
    expect(rows.map((row) => row.userId)).toEqual([tenant.owner.id, tenant.admin.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ type: REMINDER_NOTIFICATION_TYPE, readAt: null, title: `Still waiting for pickup: ${tenant.engineer.name} escalated “Switch loop”` });
      expect(row.createdAt.getTime()).toBeGreaterThan(Date.now());
    }
    expect(rows.find((row) => row.userId === tenant.admin.id)!.id).toBe(adminRow!.id);
    expect((await getSidebarCounts(viewerOf(tenant.admin))).unreadNotifications).toBe(1);
  });
});
