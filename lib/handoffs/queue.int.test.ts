import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { escalationQueueQuery, findOpenHandoff, getPickUpOffer, listEscalationQueue } from "@/lib/handoffs/queue";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Queue A");
  b = await createTenant("Queue B");
  for (const status of ["active", "parked", "resolved"] as const) await createSessionFor(a.engineer, { status });
  await createPendingHandoff(b.engineer);
});

describe("listEscalationQueue", () => {
  it("lists the account's in-transit sessions newest escalation first, with the open handoff", async () => {
    const older = await createPendingHandoff(a.engineer, { status: "requesting_escalation" });
    await db.aiSession.update({
      where: { id: older.session.id },
      data: { escalatedAt: minutesAgo(30), companyName: "Contoso", psaTicketRef: "#4411", escalationReason: "Vendor case" },
    });
    const newer = await createPendingHandoff(a.admin);
    await db.aiSession.update({ where: { id: newer.session.id }, data: { escalatedAt: minutesAgo(2), escalatedToId: a.owner.id } });
    await db.sessionHandoff.update({ where: { id: newer.handoff.id }, data: { targetUserId: a.owner.id } });

    const { items: queue } = await listEscalationQueue(viewerOf(a.viewer));
    expect(queue.map((item) => item.sessionId)).toEqual([newer.session.id, older.session.id]);
    expect(queue[0]).toMatchObject({
      handoffId: newer.handoff.id,
      status: "escalated",
      reason: "Needs a senior",
      escalatedBy: { id: a.admin.id, name: a.admin.name },
      target: { id: a.owner.id, name: a.owner.name },
    });
    expect(queue[1]).toMatchObject({
      handoffId: older.handoff.id,
      status: "requesting_escalation",
      companyName: "Contoso",
      psaTicketRef: "#4411",
      escalatedBy: { id: a.engineer.id },
      target: null,
    });
    expect(queue[1]!.waitingSince.getTime()).toBeLessThan(queue[0]!.waitingSince.getTime());
  });

  it("keeps a legacy escalation without a handoff row, with the session's reason and starter", async () => {
    const tenant = await createTenant("Queue legacy");
    const session = await createSessionFor(tenant.engineer, { status: "requesting_escalation" });
    await db.aiSession.update({ where: { id: session.id }, data: { escalationReason: "Old path" } });
    const [item] = (await listEscalationQueue(viewerOf(tenant.owner))).items;
    expect(item).toMatchObject({ sessionId: session.id, handoffId: null, reason: "Old path", escalatedBy: { id: tenant.engineer.id } });
  });

  it("drops a session once it is picked up", async () => {
    const tenant = await createTenant("Queue claim");
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect((await listEscalationQueue(viewerOf(tenant.admin))).items).toHaveLength(1);
    await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: handoff.id });
    expect(await listEscalationQueue(viewerOf(tenant.admin))).toMatchObject({ items: [], total: 0 });
  });

  it("never shows another tenant's escalations", async () => {
    const { items: queue } = await listEscalationQueue(viewerOf(b.owner));
    expect(queue).toHaveLength(1);
    expect(queue.every((item) => item.escalatedBy.id === b.engineer.id)).toBe(true);
    expect(await listEscalationQueue(viewerOf((await createTenant("Queue empty")).owner))).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});

describe("listEscalationQueue search, filter, sort and paging", () => {
  let tenant: TestTenant;
  /** 30 escalations, index 0 escalated most recently. */
  const waiting: string[] = [];

  beforeAll(async () => {
    tenant = await createTenant("Queue paging");
    for (let index = 0; index < 30; index += 1) {
      const { session } = await createPendingHandoff(tenant.engineer, { status: index % 10 === 0 ? "requesting_escalation" : "escalated" });
      await db.aiSession.update({
        where: { id: session.id },
        data: { title: `Printer jam #${index}`, companyName: index === 7 ? "Contoso 100% Dental" : "Bulk Co", escalatedAt: minutesAgo(10 + index) },
      });
      waiting.push(session.id);
    }
    const ticketed = await createPendingHandoff(tenant.admin);
    await db.aiSession.update({
      where: { id: ticketed.session.id },
      data: { title: "VPN_drops", companyName: "Fabrikam", psaTicketId: "48233", psaTicketRef: "CW #48233", escalatedAt: minutesAgo(1) },
    });
    // Not waiting, or not this tenant's: never listed, whatever matches.
    await db.aiSession.create({ data: { accountId: tenant.accountId, userId: tenant.engineer.id, title: "Printer jam (active)", status: "active" } });
    const other = await createTenant("Queue paging other");
    const elsewhere = await createPendingHandoff(other.engineer);
    await db.aiSession.update({ where: { id: elsewhere.session.id }, data: { title: "Printer jam elsewhere", psaTicketRef: "CW #48233" } });
  });

  const queueOf = (query: Parameters<typeof listEscalationQueue>[1]) => listEscalationQueue(viewerOf(tenant.viewer), query);

  it("pages 25 at a time, newest escalation first, with the total", async () => {
    const first = await queueOf({ q: "printer" });
    const second = await queueOf({ q: "printer", page: 2 });
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 25 });
    expect(first.items.map((item) => item.sessionId)).toEqual(waiting.slice(0, 25));
    expect(second.items.map((item) => item.sessionId)).toEqual(waiting.slice(25));
    expect((await queueOf({})).total).toBe(31);
    expect(await queueOf({ q: "printer", page: 40 })).toMatchObject({ page: 2, total: 30 });
  });

  it("sorts by waiting longest first", async () => {
    const page = await queueOf({ sort: "waiting" });
    expect(page.items.map((item) => item.sessionId)).toEqual([...waiting].reverse().slice(0, 25));
  });

  it("searches title, company and ticket, literally", async () => {
    expect((await queueOf({ q: "JAM #7" })).items.map((item) => item.title)).toEqual(["Printer jam #7"]);
    expect((await queueOf({ q: "100%" })).items.map((item) => item.companyName)).toEqual(["Contoso 100% Dental"]);
    expect((await queueOf({ q: "fabrikam" })).items.map((item) => item.title)).toEqual(["VPN_drops"]);
    for (const q of ["48233", "#48233"]) {
      expect((await queueOf({ q })).items.map((item) => [item.title, item.psaTicketRef])).toEqual([["VPN_drops", "CW #48233"]]);
    }
    expect((await queueOf({ q: "_" })).items.map((item) => item.title)).toEqual(["VPN_drops"]);
    expect(await queueOf({ q: "nothing like it" })).toMatchObject({ items: [], total: 0 });
  });

  it("filters by in-transit status", async () => {
    const legacy = await queueOf({ status: "requesting_escalation" });
    expect(legacy.items.map((item) => item.sessionId)).toEqual([waiting[0], waiting[10], waiting[20]]);
    expect(legacy.total).toBe(3);
    expect((await queueOf({ status: "escalated" })).total).toBe(28);
  });

  it("parses the page's URL state, refusing bad values", () => {
    expect(escalationQueueQuery.parse({})).toEqual({ sort: "newest", page: 1 });
    expect(escalationQueueQuery.parse({ q: "  vpn ", status: "escalated", sort: "waiting", page: "3" })).toEqual({ q: "vpn", status: "escalated", sort: "waiting", page: 3 });
    for (const bad of [{ status: "active" }, { sort: "oldest" }, { page: "0" }, { page: "x" }, { q: "x".repeat(201) }]) {
      expect(escalationQueueQuery.safeParse(bad).success).toBe(false);
    }
  });
});

describe("findOpenHandoff", () => {
  it("finds the unclaimed escalation of an in-transit session of the account only", async () => {
    const tenant = await createTenant("Open handoff");
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect(await findOpenHandoff(viewerOf(tenant.admin), session.id)).toEqual({ id: handoff.id, fromUserId: tenant.engineer.id });
    expect(await findOpenHandoff(viewerOf(b.owner), session.id)).toBeNull();

    await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: handoff.id });
    expect(await findOpenHandoff(viewerOf(tenant.admin), session.id)).toBeNull();
  });

  it("does not offer a parked session", async () => {
    const tenant = await createTenant("Open handoff park");
    const { session } = await createPendingHandoff(tenant.engineer, { intent: "park" });
    expect(await findOpenHandoff(viewerOf(tenant.admin), session.id)).toBeNull();
  });
});

describe("getPickUpOffer", () => {
  it("offers the claim to a teammate engineer or admin, not to the escalator or a viewer", async () => {
    const tenant = await createTenant("Offer");
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect(await getPickUpOffer(viewerOf(tenant.admin), session.id)).toEqual({ kind: "claim", handoffId: handoff.id });
    expect(await getPickUpOffer(viewerOf(tenant.owner), session.id)).toEqual({ kind: "claim", handoffId: handoff.id });
    expect(await getPickUpOffer(viewerOf(tenant.engineer), session.id)).toEqual({ kind: "own" });
    expect(await getPickUpOffer(viewerOf(tenant.viewer), session.id)).toEqual({ kind: "read_only" });
    expect(await getPickUpOffer(viewerOf(b.engineer), session.id)).toEqual({ kind: "none" });

    await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: handoff.id });
    expect(await getPickUpOffer(viewerOf(tenant.owner), session.id)).toEqual({ kind: "none" });
  });
});
