import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import { listAuditEvents, type AuditEventPage } from "@/lib/audit/list-audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const list = (as: string, query: Record<string, string> = {}) => callRoute(auditRoute.GET, "GET", { as, query });

/** Writes `count` events in `tenant`, one second apart (oldest first), numbered in `targetId`. */
async function seedEvents(tenant: TestTenant, count: number) {
  const start = Date.now() - count * 1000;
  for (let n = 0; n < count; n += 1) {
    const event = await db.auditEvent.create({
      data: {
        accountId: tenant.accountId,
        actorId: tenant.admin.id,
        action: "preferences.updated",
        targetType: "preferences",
        targetId: String(n),
        before: { escalation_renotify_minutes: 30 },
        after: { escalation_renotify_minutes: 100 + n },
        createdAt: new Date(start + n * 1000),
      },
    });
    expect(event.id).toBeTruthy();
  }
}

describe("GET /api/v1/audit-events", () => {
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    tenant = await createTenant("Audit MSP");
    other = await createTenant("Audit other");
    await seedEvents(tenant, 45);
    await seedEvents(other, 3);
  });

  it("pages the account's events 20 at a time, newest first, with the actor's name", async () => {
    const response = await list(tenant.owner.id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as AuditEventPage;
    expect(body).toMatchObject({ total: 45, page: 1, page_size: 20 });
    expect(body.events.map((event) => Number(event.target_id))).toEqual(Array.from({ length: 20 }, (_, index) => 44 - index));
    expect(body.events[0]).toMatchObject({
      action: "preferences.updated",
      actor: { id: tenant.admin.id, name: tenant.admin.name },
      before: { escalation_renotify_minutes: 30 },
      summary: `${tenant.admin.name} changed re-notify after (minutes) from 30 to 144`,
    });

    const third = (await (await list(tenant.admin.id, { page: "3" })).json()) as AuditEventPage;
    expect(third).toMatchObject({ total: 45, page: 3 });
    expect(third.events.map((event) => Number(event.target_id))).toEqual([4, 3, 2, 1, 0]);
  });

  it("answers a page past the end with the last page", async () => {
    const late = (await (await list(tenant.owner.id, { page: "9" })).json()) as AuditEventPage;
    expect(late).toMatchObject({ total: 45, page: 3 });
    expect(late.events).toHaveLength(5);
  });

  it("keeps tenants apart: B's owner sees only B's events", async () => {
    const body = (await (await list(other.owner.id)).json()) as AuditEventPage;
    expect(body.total).toBe(3);
    expect(body.events.map((event) => event.actor?.id)).toEqual([other.admin.id, other.admin.id, other.admin.id]);
    const mine = new Set((await db.auditEvent.findMany({ where: { accountId: tenant.accountId }, select: { id: true } })).map((row) => row.id));
    expect(body.events.filter((event) => mine.has(event.id))).toEqual([]);
  });

  it.each(["0", "-1", "1.5", "two", "10001"])("refuses page=%s with 422", async (page) => {
    const response = await list(tenant.owner.id, { page });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid");
  });

  it("refuses engineers and viewers with 403", async () => {
    for (const user of [tenant.engineer, tenant.viewer]) expect((await list(user.id)).status).toBe(403);
  });
});

describe("listAuditEvents", () => {
  it("names the member a role change was about, but not another account's user of that id", async () => {
    const tenant = await createTenant("Audit names");
    const other = await createTenant("Audit names other");
    await recordAudit(viewerOf(tenant.owner), { action: "member.role_changed", targetType: "user", targetId: tenant.engineer.id, before: { role: "engineer" }, after: { role: "viewer" } });
    // A forged event pointing at another tenant's user must not reveal that user's name.
    await recordAudit(viewerOf(tenant.owner), { action: "member.removed", targetType: "user", targetId: other.engineer.id });
    await recordAudit(viewerOf(tenant.owner), { action: "psa.connection_deleted", targetType: "psa_connection", targetId: "connectwise", before: { site_url: "https://cw.example" } });

    const { events } = await listAuditEvents(viewerOf(tenant.admin));
    expect(events.map((event) => event.summary)).toEqual([
      `${tenant.owner.name} disconnected ConnectWise`,
      `${tenant.owner.name} removed a member`,
      `${tenant.owner.name} changed ${tenant.engineer.name}'s role from engineer to viewer`,
    ]);
    expect(events[2]).toMatchObject({ target_type: "user", target_id: tenant.engineer.id, target_name: tenant.engineer.name });
    expect(events[1]!.target_name).toBeNull();
  });

  it("shows an event of a system job as FlowPilot's", async () => {
    const tenant = await createTenant("Audit system");
    await db.auditEvent.create({ data: { accountId: tenant.accountId, actorId: null, action: "delivery.retried", targetType: "notification_delivery", targetId: "not-a-uuid", before: { status: "dead" } } });
    const { events } = await listAuditEvents(viewerOf(tenant.owner));
    expect(events).toEqual([expect.objectContaining({ actor: null, summary: "FlowPilot retried a dead delivery" })]);
  });
});
