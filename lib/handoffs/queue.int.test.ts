import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { findOpenHandoff, getPickUpOffer, listEscalationQueue } from "@/lib/handoffs/queue";
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

    const queue = await listEscalationQueue(viewerOf(a.viewer));
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
    const [item] = await listEscalationQueue(viewerOf(tenant.owner));
    expect(item).toMatchObject({ sessionId: session.id, handoffId: null, reason: "Old path", escalatedBy: { id: tenant.engineer.id } });
  });

  it("drops a session once it is picked up", async () => {
    const tenant = await createTenant("Queue claim");
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect(await listEscalationQueue(viewerOf(tenant.admin))).toHaveLength(1);
    await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: handoff.id });
    expect(await listEscalationQueue(viewerOf(tenant.admin))).toEqual([]);
  });

  it("never shows another tenant's escalations", async () => {
    const queue = await listEscalationQueue(viewerOf(b.owner));
    expect(queue).toHaveLength(1);
    expect(queue.every((item) => item.escalatedBy.id === b.engineer.id)).toBe(true);
    expect(await listEscalationQueue(viewerOf((await createTenant("Queue empty")).owner))).toEqual([]);
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
