import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callRoute } from "@/tests/helpers/call-route";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/fakes/webhook-receiver";

// The local Slack fake is on loopback over http: allow it before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const listRoute = await import("@/app/api/v1/notifications/deliveries/route");
const retryRoute = await import("@/app/api/v1/notifications/deliveries/[deliveryId]/retry/route");
const { updatePreferences } = await import("@/lib/accounts/preferences");

type DeliveryData = Partial<Omit<Prisma.NotificationDeliveryUncheckedCreateInput, "accountId" | "idempotencyKey" | "payload">>;

/** A delivery row as the outbox would leave it. */
async function createDelivery(tenant: TestTenant, data: DeliveryData = {}) {
  return db.notificationDelivery.create({
    data: {
      accountId: tenant.accountId,
      channel: "slack",
      idempotencyKey: `test/${randomUUID()}`,
      payload: { title: "Ada escalated “VPN drops”", text: "Reason: needs a senior", link: "http://localhost:3000/pilot/x?pickup=true" },
      ...data,
    },
  });
}

const list = (as: string, query: Record<string, string> = {}) => callRoute(listRoute.GET, "GET", { as, query });
const retry = (as: string, deliveryId: string) => callRoute(retryRoute.POST, "POST", { as, params: { deliveryId } });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("GET /api/v1/notifications/deliveries", () => {
  let tenant: TestTenant;
  let sessionId: string;
  let handoffId: string;

  beforeAll(async () => {
    tenant = await createTenant("Deliveries MSP");
    const other = await createTenant("Other MSP");
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    sessionId = session.id;
    handoffId = handoff.id;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await createDelivery(tenant, { handoffId, channel: "email", recipientUserId: tenant.admin.id, status: "sent", attempts: 1, sentAt: at(9), createdAt: at(10) });
    await createDelivery(tenant, { handoffId, channel: "slack", status: "failed", attempts: 2, lastError: "Slack answered 410: no_service", createdAt: at(8) });
    await createDelivery(tenant, { handoffId, channel: "teams", status: "dead", attempts: 10, lastError: "Microsoft Teams answered 500: boom", createdAt: at(6) });
    await createDelivery(tenant, { channel: "email", recipientUserId: tenant.owner.id, status: "pending", createdAt: at(1) });
    await createDelivery(other, { status: "failed", lastError: "other tenant" });
  });

  it("lists the account's deliveries newest first with who, what and counts per status", async () => {
    const response = await list(tenant.owner.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.counts).toEqual({ pending: 1, sent: 1, failed: 1, dead: 1 });
    expect(body.deliveries.map((row: { channel: string; status: string }) => `${row.channel}:${row.status}`)).toEqual([
      "email:pending",
      "teams:dead",
      "slack:failed",
      "email:sent",
    ]);
    const [pending, dead, failed, sent] = body.deliveries;
    expect(sent).toEqual({
      id: expect.any(String),
      channel: "email",
      status: "sent",
      attempts: 1,
      last_error: null,
      recipient_name: tenant.admin.name,
      recipient_email: tenant.admin.email,
      handoff_id: handoffId,
      session_id: sessionId,
      session_title: "Handoff (escalated)",
      next_attempt_at: null,
      sent_at: expect.any(String),
      created_at: expect.any(String),
    });
    expect(failed).toMatchObject({ recipient_name: null, recipient_email: null, last_error: "Slack answered 410: no_service", attempts: 2 });
    expect(failed.next_attempt_at).toEqual(expect.any(String));
    expect(dead).toMatchObject({ status: "dead", next_attempt_at: null, attempts: 10 });
    expect(pending).toMatchObject({ handoff_id: null, session_id: null, session_title: null, recipient_email: tenant.owner.email });
  });

  it("filters by status and limits, keeping the account-wide counts", async () => {
    const failed = await (await list(tenant.admin.id, { status: "failed" })).json();
    expect(failed.deliveries).toHaveLength(1);
    expect(failed.deliveries[0].status).toBe("failed");
    expect(failed.counts).toEqual({ pending: 1, sent: 1, failed: 1, dead: 1 });
    const limited = await (await list(tenant.admin.id, { limit: "2" })).json();
    expect(limited.deliveries.map((row: { status: string }) => row.status)).toEqual(["pending", "dead"]);
  });

  it.each([
    [{ status: "bounced" }, /^Status is pending, sent, failed or dead/],
    [{ limit: "0" }, /^Limit is at least 1/],
    [{ limit: "500" }, /^Limit is at most 200/],
    [{ limit: "ten" }, /^Limit is a whole number/],
    [{ page: "0" }, /^Pages start at 1/],
    [{ page: "two" }, /^The page is a whole number/],
    [{ page: "2.5" }, /^The page is a whole number/],
    [{ page: "10001" }, /^The page is at most 10,000/],
  ])("refuses the query %o with 422", async (query, message) => {
    const response = await list(tenant.owner.id, query);
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(message);
  });

  it("shows another tenant only its own deliveries, and refuses engineers and viewers", async () => {
    const fresh = await createTenant("Empty MSP");
    expect(await (await list(fresh.owner.id)).json()).toEqual({ deliveries: [], counts: { pending: 0, sent: 0, failed: 0, dead: 0 }, total: 0, page: 1, page_size: 20 });
    for (const user of [tenant.engineer, tenant.viewer]) {
      const response = await list(user.id);
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
  });
});

describe("GET /api/v1/notifications/deliveries paging", () => {
  let tenant: TestTenant;
  /** 45 deliveries, newest first; every third one failed. */
  const ids: string[] = [];

  beforeAll(async () => {
    tenant = await createTenant("Paged deliveries MSP");
    const created = [];
    for (let index = 0; index < 45; index += 1) {
      created.push(await createDelivery(tenant, { status: index % 3 === 0 ? "failed" : "sent", createdAt: new Date(Date.now() - index * 60_000) }));
    }
    ids.push(...created.map((row) => row.id));
    await createDelivery(await createTenant("Paged other MSP"), { status: "failed" });
  });

  type Page = { deliveries: { id: string; status: string }[]; total: number; page: number; page_size: number; counts: Record<string, number> };
  const pageOf = async (query: Record<string, string>) => (await (await list(tenant.admin.id, query)).json()) as Page;

  it("answers 20 a page, newest first, with the total and page", async () => {
    const first = await pageOf({});
    expect(first).toMatchObject({ total: 45, page: 1, page_size: 20, counts: { failed: 15, sent: 30, pending: 0, dead: 0 } });
    expect(first.deliveries.map((row) => row.id)).toEqual(ids.slice(0, 20));
    const third = await pageOf({ page: "3" });
    expect(third).toMatchObject({ total: 45, page: 3 });
    expect(third.deliveries.map((row) => row.id)).toEqual(ids.slice(40));
    const pages = [first, await pageOf({ page: "2" }), third].flatMap((page) => page.deliveries.map((row) => row.id));
    expect(pages).toEqual(ids);
  });

  it("pages a status filter, with its own total", async () => {
    const failed = await pageOf({ status: "failed", limit: "10", page: "2" });
    expect(failed).toMatchObject({ total: 15, page: 2, page_size: 10 });
    expect(failed.deliveries.map((row) => row.id)).toEqual(ids.filter((_, index) => index % 3 === 0).slice(10));
  });

  it("answers a page past the end with the last page", async () => {
    const late = await pageOf({ page: "9" });
    expect(late).toMatchObject({ total: 45, page: 3 });
    expect(late.deliveries.map((row) => row.id)).toEqual(ids.slice(40));
  });

  it("keeps Retry working on a delivery of a later page", async () => {
    const url = receiver.urlFor(`/slack/${tenant.accountId}`);
    await updatePreferences({ userId: tenant.owner.id, accountId: tenant.accountId, role: "owner", email: "", name: "" }, { slack_webhook_url: url });
    const onPageThree = (await pageOf({ page: "3" })).deliveries.find((row) => row.status === "failed")!;
    expect((await retry(tenant.admin.id, onPageThree.id)).status).toBe(200);
    const again = await pageOf({ page: "3" });
    expect(again.deliveries.find((row) => row.id === onPageThree.id)).toMatchObject({ status: "sent" });
    expect(again.counts).toMatchObject({ failed: 14, sent: 31 });
  });
});

describe("POST /api/v1/notifications/deliveries/:deliveryId/retry", () => {
  it("sends a failed Slack delivery again at once and reports it sent", async () => {
    const tenant = await createTenant("Retry MSP");
    const url = receiver.urlFor(`/slack/${tenant.accountId}`);
    await updatePreferences({ userId: tenant.owner.id, accountId: tenant.accountId, role: "owner", email: "", name: "" }, { slack_webhook_url: url });
    const delivery = await createDelivery(tenant, { status: "failed", attempts: 3, lastError: "Slack answered 500: internal_error", nextAttemptAt: new Date(Date.now() + 3_600_000) });

    const response = await retry(tenant.admin.id, delivery.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: delivery.id, status: "sent", attempts: 4, sent_at: expect.any(String), next_attempt_at: null });
    const [posted] = receiver.received(`/slack/${tenant.accountId}`);
    expect(posted!.body).toMatchObject({ text: expect.stringContaining("VPN drops") });

    expect(await db.auditEvent.findMany({ where: { accountId: tenant.accountId, action: "delivery.retried" }, select: { actorId: true, targetType: true, targetId: true, before: true, after: true } })).toEqual([
      {
        actorId: tenant.admin.id,
        targetType: "notification_delivery",
        targetId: delivery.id,
        before: { status: "failed", attempts: 3, last_error: "Slack answered 500: internal_error" },
        after: { status: "pending" },
      },
    ]);
  });

  it("shows the new error when the retried send fails again", async () => {
    const tenant = await createTenant("Gone MSP");
    const path = `/slack/${tenant.accountId}`;
    await updatePreferences({ userId: tenant.owner.id, accountId: tenant.accountId, role: "owner", email: "", name: "" }, { slack_webhook_url: receiver.urlFor(path) });
    const delivery = await createDelivery(tenant, { status: "dead", attempts: 10, lastError: "Slack answered 500: internal_error" });
    receiver.failNext(1, "gone", { path });

    const response = await retry(tenant.owner.id, delivery.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "dead", attempts: 11, last_error: "Slack answered 410: no_service" });
  });

  it.each(["pending", "sent"] as const)("refuses a %s delivery with 409 and changes nothing", async (status) => {
    const tenant = await createTenant("Conflict MSP");
    const delivery = await createDelivery(tenant, { status });
    const response = await retry(tenant.owner.id, delivery.id);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({ code: "conflict", message: expect.stringContaining(`this one is ${status}`) });
    expect(await db.notificationDelivery.findUnique({ where: { id: delivery.id } })).toEqual(delivery);
    expect(await db.auditEvent.count({ where: { accountId: tenant.accountId } })).toBe(0);
  });

  it("answers 404 for another tenant's delivery and leaves it alone", async () => {
    const a = await createTenant("Retry A");
    const b = await createTenant("Retry B");
    const delivery = await createDelivery(a, { status: "failed", lastError: "boom" });
    const response = await retry(b.owner.id, delivery.id);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect(await db.notificationDelivery.findUnique({ where: { id: delivery.id } })).toEqual(delivery);
    expect(await db.auditEvent.count({ where: { accountId: { in: [a.accountId, b.accountId] } } })).toBe(0);
  });

  it("refuses engineers and viewers with 403 and a malformed id with 422", async () => {
    const tenant = await createTenant("Roles MSP");
    const delivery = await createDelivery(tenant, { status: "failed" });
    for (const user of [tenant.engineer, tenant.viewer]) expect((await retry(user.id, delivery.id)).status).toBe(403);
    expect((await retry(tenant.owner.id, "not-a-uuid")).status).toBe(422);
    expect(await db.notificationDelivery.findUnique({ where: { id: delivery.id } })).toEqual(delivery);
    expect(await db.auditEvent.count({ where: { accountId: tenant.accountId } })).toBe(0);
  });
});
