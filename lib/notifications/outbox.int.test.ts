import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Loopback webhooks pass the URL checks only when allow-listed (read once, when lib/env loads).
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

import { db } from "@/lib/db";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled, sweepDeliveries } from "@/lib/notifications/dispatcher";
import { listDevMailbox } from "@/lib/notifications/email";
import { enqueueEscalationDeliveries } from "@/lib/notifications/outbox";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { installFakeResend, withDevMailbox } from "@/tests/helpers/resend";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

const fakeResend = installFakeResend();

let tenant: TestTenant;
let other: TestTenant;
let senior: TestUser;

beforeEach(async () => {
  tenant = await createTenant("Outbox MSP");
  other = await createTenant("Other MSP");
  senior = await addUser(tenant.accountId, { role: "engineer", label: "senior" });
  fakeResend().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

const setPreferences = (accountId: string, preferences: object) =>
  db.accountSettings.upsert({ where: { accountId }, create: { accountId, preferences }, update: { preferences } });

const escalate = async (title = "VPN down") => {
  const session = await createSessionFor(tenant.engineer, { title });
  const result = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "Tunnel <drops> every hour" });
  return { session, handoffId: result.handoff.id };
};

describe("enqueueEscalationDeliveries (through createHandoff)", () => {
  it("queues one email per active engineer/admin/owner teammate: never the escalator, viewers, removed users or other tenants", async () => {
    const { session, handoffId } = await escalate();
    const rows = await db.notificationDelivery.findMany({ where: { handoffId }, orderBy: { recipientUserId: "asc" } });
    expect(rows.every((row) => row.channel === "email" && row.accountId === tenant.accountId)).toBe(true);
    expect(rows.map((row) => row.recipientUserId).sort()).toEqual([tenant.owner.id, tenant.admin.id, senior.id].sort());
    for (const row of rows) {
      expect(row.idempotencyKey).toBe(`escalation/${handoffId}/${row.recipientUserId}/email`);
      const payload = row.payload as Record<string, string>;
      expect(payload.link).toBe(`http://localhost:3000/pilot/${session.id}?pickup=true&from=escalations`);
      expect(payload.subject).toBe(`${tenant.engineer.name} escalated “VPN down”`);
      expect(payload.text).toContain("Tunnel <drops> every hour");
      // The reason is the engineer's text: escaped in the HTML body.
      expect(payload.html).toContain("Tunnel &lt;drops&gt; every hour");
    }
    expect(await db.notificationDelivery.count({ where: { accountId: other.accountId } })).toBe(0);
  });

  it("adds one Slack and one Teams delivery when configured, without storing the webhook URL", async () => {
    // Nothing listens there: the send fails fast, with no traffic leaving the machine.
    const slack = "http://127.0.0.1:9/services/T000/B000/secret-slack-token";
    await setPreferences(tenant.accountId, { slack_webhook_url: slack, teams_webhook_url: null });
    const { handoffId } = await escalate();
    const chat = await db.notificationDelivery.findMany({ where: { handoffId, channel: { not: "email" } } });
    expect(chat).toHaveLength(1);
    expect(chat[0]).toMatchObject({ channel: "slack", recipientUserId: null, idempotencyKey: `escalation/${handoffId}/account/slack` });
    expect(JSON.stringify(chat[0]!.payload)).not.toContain("secret-slack-token");
    expect(chat[0]!.payload).toMatchObject({ title: `${tenant.engineer.name} escalated “VPN down”`, text: "Reason: Tunnel <drops> every hour" });
  });

  it("queues no email when the account switched escalation email off", async () => {
    await setPreferences(tenant.accountId, { escalation_email_enabled: false });
    const { handoffId } = await escalate();
    expect(await db.notificationDelivery.count({ where: { handoffId } })).toBe(0);
    expect(await db.appNotification.count({ where: { handoffId } })).toBe(3);
  });

  it("park writes no deliveries and no live event", async () => {
    const session = await createSessionFor(tenant.engineer);
    await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "park", reason: "Lunch" });
    expect(await db.notificationDelivery.count({ where: { accountId: tenant.accountId } })).toBe(0);
    expect(await db.realtimeEvent.count({ where: { accountId: tenant.accountId } })).toBe(0);
  });

  it("loses nothing when the process dies between commit and send: the sweeper sends what was queued", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const recipients = [tenant.admin, senior].map(({ id, email, name }) => ({ id, email, name }));
    // The transaction commits; the after-commit dispatch never runs (the "kill").
    const ids = await db.$transaction((tx) =>
      enqueueEscalationDeliveries(tx, { accountId: tenant.accountId, handoffId: handoff.id, sessionId: session.id, sessionTitle: session.title, reason: "r", escalatorName: tenant.engineer.name, recipients }),
    );
    expect(await db.notificationDelivery.count({ where: { id: { in: ids }, status: "pending" } })).toBe(2);

    await sweepDeliveries();
    const rows = await db.notificationDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(fakeResend().emails.map((mail) => mail.to[0]).sort()).toEqual([tenant.admin.email, senior.email].sort());
  });

  it("enqueueing the same escalation twice keeps one delivery per key", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const input = { accountId: tenant.accountId, handoffId: handoff.id, sessionId: session.id, sessionTitle: session.title, reason: "r", escalatorName: "E", recipients: [{ id: senior.id, email: senior.email, name: senior.name }] };
    const first = await db.$transaction((tx) => enqueueEscalationDeliveries(tx, input));
    const second = await db.$transaction((tx) => enqueueEscalationDeliveries(tx, input));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });
});

describe("dev mailbox (no RESEND_API_KEY)", () => {
  it("marks the email sent without calling Resend and keeps it for the recipient, link and all", async () => {
    const { session } = await withDevMailbox(async () => {
      const escalated = await escalate("Printer jam");
      await backgroundTasksSettled();
      return escalated;
    });
    expect(fakeResend().requests).toHaveLength(0);
    const rows = await db.notificationDelivery.findMany({ where: { accountId: tenant.accountId } });
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.status === "sent" && row.sentAt !== null && row.attempts === 1)).toBe(true);

    const mailbox = await listDevMailbox(viewerOf(senior));
    expect(mailbox).toHaveLength(1);
    expect(mailbox[0]).toMatchObject({ to: senior.email, subject: `${tenant.engineer.name} escalated “Printer jam”`, path: `/pilot/${session.id}?pickup=true&from=escalations` });
    expect(mailbox[0]!.html).toContain(`href="/pilot/${session.id}?pickup=true&amp;from=escalations"`);
    // Nobody else's mail, and nothing for the escalator.
    expect(await listDevMailbox(viewerOf(tenant.engineer))).toHaveLength(0);
    expect(await listDevMailbox(viewerOf(other.owner))).toHaveLength(0);
  });
});
