import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Loopback webhooks pass the URL checks only when allow-listed (read once, when lib/env loads).
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

import { POST as handoffRoute } from "@/app/api/v1/ai-sessions/[id]/handoff/route";
import { db } from "@/lib/db";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled, dispatchDeliveries, MAX_ATTEMPTS, retryDelayMs, sweepDeliveries } from "@/lib/notifications/dispatcher";
import { enqueueEscalationDeliveries } from "@/lib/notifications/outbox";
import { callRoute } from "@/tests/helpers/call-route";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { installFakeResend } from "@/tests/helpers/resend";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const fakeResend = installFakeResend();
const HOUR = 60 * 60_000;

type ChatAnswer = { status: number; body: string };
const OK: ChatAnswer = { status: 200, body: "ok" };
/** A Slack/Teams incoming webhook stand-in on loopback: `answer(path)` decides each reply. */
let chat: { server: Server; url: string; answer: (path: string) => ChatAnswer; received: { path: string; body: string }[] };
beforeAll(async () => {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      chat.received.push({ path: request.url ?? "", body });
      const answer = chat.answer(request.url ?? "");
      response.writeHead(answer.status, { "content-type": "text/plain" });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  chat = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answer: () => OK, received: [] };
});
afterAll(() => new Promise<void>((resolve) => chat.server.close(() => resolve())));

let tenant: TestTenant;
beforeEach(async () => {
  tenant = await createTenant("Dispatch MSP");
  fakeResend().reset();
  Object.assign(chat, { answer: () => OK, received: [] });
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  // Sweeps take every due row of the database: start each test with none left over.
  await db.notificationDelivery.deleteMany({});
  vi.restoreAllMocks();
});

const deliveriesOf = (handoffId: string) => db.notificationDelivery.findMany({ where: { handoffId }, orderBy: { idempotencyKey: "asc" } });

/** Polls until `check` passes: the route answers before the background send finishes. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for the deliveries.");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const teammates = () => [tenant.owner.email, tenant.admin.email].sort();

describe("after an escalation commits", () => {
  it("email down: the handoff still answers 201, the deliveries fail with Resend's error, and a later sweep sends them", async () => {
    fakeResend().failNext(2, 500);
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(handoffRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { intent: "escalate", reason: "Mail server down" } });
    expect(response.status).toBe(201);
    const { handoff } = await response.json();

    await eventually(async () => (await deliveriesOf(handoff.id)).every((row) => row.attempts === 1));
    const failed = await deliveriesOf(handoff.id);
    expect(failed).toHaveLength(2);
    for (const row of failed) {
      expect(row).toMatchObject({ status: "failed", sentAt: null, lastError: "Resend 500 failed: internal_server_error: An unexpected error occurred." });
      // 30 s ± 20 % from the failure.
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(20_000);
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeLessThan(40_000);
    }
    expect(fakeResend().emails).toHaveLength(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"event":"notifications.delivery_failed"'));

    // Nothing is due yet; a minute later everything is.
    expect(await sweepDeliveries()).toHaveLength(0);
    const outcomes = await sweepDeliveries(new Date(Date.now() + 60_000));
    expect(outcomes.map((o) => o.status)).toEqual(["sent", "sent"]);
    const sent = await deliveriesOf(handoff.id);
    expect(sent.every((row) => row.status === "sent" && row.attempts === 2 && row.sentAt !== null)).toBe(true);
    expect(fakeResend().emails.map((mail) => mail.to[0]).sort()).toEqual(teammates());
  });

  it("sends each email with its idempotency key, and a retry after a lost response doesn't send it twice", async () => {
    fakeResend().dropNext(1);
    const session = await createSessionFor(tenant.engineer);
    const { handoff } = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "r" });
    await backgroundTasksSettled();
    const rows = await deliveriesOf(handoff.id);
    const lost = rows.find((row) => row.status === "failed")!;
    expect(lost.lastError).toMatch(/^Resend request failed: application_error: Unable to fetch data/);
    // Resend got the mail although we never heard back.
    expect(fakeResend().emails).toHaveLength(2);

    await sweepDeliveries(new Date(Date.now() + HOUR));
    expect((await deliveriesOf(handoff.id)).map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(fakeResend().emails).toHaveLength(2);
    const keys = fakeResend().requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys.filter((key) => key === lost.idempotencyKey)).toHaveLength(2);
    for (const row of rows) expect(keys).toContain(`escalation/${handoff.id}/${row.recipientUserId}/email`);
    expect(fakeResend().requests[0]!.headers.authorization).toBe(`Bearer ${process.env.RESEND_API_KEY}`);
  });

  it("a rate limit (429) is a failure to retry, with Resend's message", async () => {
    fakeResend().failNext(1, 429);
    const { handoff, ids } = await queueEmails(1);
    await dispatchDeliveries(ids);
    expect((await deliveriesOf(handoff.id))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("429 failed: rate_limit_exceeded") });
  });

  it("gives up after the retry window: dead after MAX_ATTEMPTS failures, with the last error", async () => {
    fakeResend().failNext(1000, 500);
    const { handoff, ids } = await queueEmails(1);
    let clock = Date.now();
    await dispatchDeliveries(ids, new Date(clock));
    let window = 0;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const row = (await deliveriesOf(handoff.id))[0]!;
      expect(row).toMatchObject({ status: "failed", attempts: attempt - 1 });
      window += row.nextAttemptAt.getTime() - clock;
      clock = row.nextAttemptAt.getTime();
      expect(await sweepDeliveries(new Date(clock - 1000))).toHaveLength(0);
      await sweepDeliveries(new Date(clock));
    }
    const dead = (await deliveriesOf(handoff.id))[0]!;
    expect(dead).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS, sentAt: null, lastError: expect.stringContaining("Resend 500") });
    // Several hours of trying, then nothing more.
    expect(window).toBeGreaterThan(2 * HOUR);
    expect(await sweepDeliveries(new Date(clock + 48 * HOUR))).toHaveLength(0);
    expect(fakeResend().requests).toHaveLength(MAX_ATTEMPTS);
  });

  it("a mail Resend refuses as invalid (422) is dead at once: no retry can fix it", async () => {
    const { handoff, ids } = await queueEmails(1);
    await db.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { payload: { to: "x@example.test", subject: "", html: "<p>x</p>", text: "x" } } });
    await dispatchDeliveries(ids);
    expect((await deliveriesOf(handoff.id))[0]).toMatchObject({ status: "dead", attempts: 1, lastError: "Resend 422 failed: missing_required_field: Missing `subject` field." });
  });

  it("two (or four) concurrent sweeps never send one row twice", async () => {
    const { ids } = await queueEmails(40);
    const sweeps = await Promise.all([1, 2, 3, 4].map(() => sweepDeliveries(new Date(), 100)));
    const swept = sweeps.flat().map((o) => o.id);
    expect(new Set(swept).size).toBe(swept.length);
    expect(swept.sort()).toEqual([...ids].sort());
    expect(fakeResend().requests).toHaveLength(40);
    expect(new Set(fakeResend().emails.map((mail) => mail.idempotencyKey)).size).toBe(40);
    expect(await db.notificationDelivery.count({ where: { id: { in: ids }, status: "sent" } })).toBe(40);
  });

  it("the dispatcher and a sweeper racing on the same rows send each once", async () => {
    const { ids } = await queueEmails(20);
    const [dispatched, swept] = await Promise.all([dispatchDeliveries(ids), sweepDeliveries()]);
    expect(dispatched.length + swept.length).toBe(20);
    expect(fakeResend().requests).toHaveLength(20);
  });
});

describe("channels are independent", () => {
  it("Slack failing never stops email or Teams; each row records its own outcome", async () => {
    await setWebhooks({ slack_webhook_url: `${chat.url}/slack/hook`, teams_webhook_url: `${chat.url}/teams/hook` });
    // Slack answers 404 no_service to its first post only.
    let slackPosts = 0;
    chat.answer = (path) => (path.startsWith("/slack") && slackPosts++ === 0 ? { status: 404, body: "no_service" } : OK);
    const session = await createSessionFor(tenant.engineer, { title: "Firewall" });
    const { handoff } = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "Rules vanished" });
    await backgroundTasksSettled();

    const rows = await deliveriesOf(handoff.id);
    const byChannel = Object.fromEntries(rows.filter((row) => row.channel !== "email").map((row) => [row.channel, row]));
    expect(byChannel.slack).toMatchObject({ status: "failed", attempts: 1, lastError: "Slack answered 404: no_service" });
    expect(byChannel.teams).toMatchObject({ status: "sent" });
    expect(rows.filter((row) => row.channel === "email").map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(chat.received.find((post) => post.path === "/teams/hook")!.body).toContain(`/pilot/${session.id}?pickup=true`);

    await sweepDeliveries(new Date(Date.now() + HOUR));
    expect((await deliveriesOf(handoff.id)).every((row) => row.status === "sent")).toBe(true);
  });

  it("reads the webhook URL at send time: a changed URL is used, a removed one makes the row dead", async () => {
    await setWebhooks({ teams_webhook_url: `${chat.url}/teams/old` });
    const first = await queueTeams();
    await setWebhooks({ teams_webhook_url: `${chat.url}/teams/new` });
    await dispatchDeliveries(first.ids);
    expect(chat.received.map((post) => post.path)).toEqual(["/teams/new"]);

    const second = await queueTeams();
    await setWebhooks({ teams_webhook_url: null });
    await dispatchDeliveries(second.ids);
    expect((await deliveriesOf(second.handoffId))[0]).toMatchObject({ status: "dead", lastError: "The Teams webhook is no longer configured for this account." });
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s, caps at an hour and jitters by at most 20 %", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(20, () => 0.5)).toBe(HOUR);
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
  });
});

async function queueTeams() {
  const { session, handoff } = await createPendingHandoff(tenant.engineer);
  const ids = await db.$transaction((tx) =>
    enqueueEscalationDeliveries(tx, { accountId: tenant.accountId, handoffId: handoff.id, sessionId: session.id, sessionTitle: session.title, reason: "r", escalatorName: "E", recipients: [] }),
  );
  return { handoffId: handoff.id, ids };
}

async function setWebhooks(preferences: { slack_webhook_url?: string | null; teams_webhook_url?: string | null }) {
  await db.accountSettings.upsert({ where: { accountId: tenant.accountId }, create: { accountId: tenant.accountId, preferences }, update: { preferences } });
}

/** `count` pending email deliveries of one handoff, queued the way a commit leaves them. */
async function queueEmails(count: number) {
  const { handoff } = await createPendingHandoff(tenant.engineer);
  await db.notificationDelivery.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      accountId: tenant.accountId, handoffId: handoff.id, channel: "email" as const, idempotencyKey: `escalation/${handoff.id}/r${i}/email`,
      payload: { to: `r${i}@example.test`, to_name: `R ${i}`, subject: `Mail ${i}`, html: "<p>hi</p>", text: "hi", link: "http://x/pilot/1?pickup=true", path: "/pilot/1?pickup=true" },
    })),
  });
  const ids = (await db.notificationDelivery.findMany({ where: { handoffId: handoff.id }, select: { id: true } })).map((row) => row.id);
  return { handoff, ids };
}
