import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as claimRoute } from "@/app/api/v1/ai-sessions/[id]/handoffs/[hid]/claim/route";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { escalationBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { callRoute } from "@/tests/helpers/call-route";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Claim MSP");
  other = await createTenant("Other MSP");
});

afterEach(() => backgroundTasksSettled());

const claim = (as: string, sessionId: string, handoffId: string) => callRoute(claimRoute, "POST", { as, params: { id: sessionId, hid: handoffId } });

describe("claimHandoff", () => {
  it("20 concurrent claims: exactly one 200, nineteen 409s naming the winner", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const seniors = await Promise.all(Array.from({ length: 20 }, (_, i) => addUser(tenant.accountId, { role: i % 2 ? "engineer" : "admin", label: `senior${i}` })));
    const names = new Map<string, string>();
    // Distinct display names, so the 409 message proves it names the actual holder.
    await Promise.all(seniors.map((s, i) => db.user.update({ where: { id: s.id }, data: { name: `Senior ${i}` } }).then((u) => names.set(s.id, u.name))));

    const responses = await Promise.all(seniors.map((s) => claim(s.id, session.id, handoff.id)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);

    const stored = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
    const winnerName = names.get(stored.claimedById!)!;
    expect(stored.claimedAt).not.toBeNull();
    const winner = responses[statuses.indexOf(200)]!;
    expect(await winner.json()).toMatchObject({ handoff: { id: handoff.id, claimed_by_id: stored.claimedById }, session: { id: session.id, status: "active", handler_id: stored.claimedById } });
    for (const response of responses.filter((r) => r.status === 409)) {
      expect((await response.json()).error.message).toBe(`Already picked up by ${winnerName}.`);
    }
    const row = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ status: "active", handlerId: stored.claimedById });
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "engineer_action", content: `Picked up by ${winnerName}`, userId: stored.claimedById });
  });

  it("records one handoff_claimed event with the winner and publishes it after commit", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const received: RealtimeEvent[] = [];
    const subscription = escalationBus.subscribe(tenant.accountId, { onEvent: (event) => received.push(event) });
    try {
      const results = await Promise.allSettled([tenant.admin, tenant.owner].map((u) => claimHandoff(viewerOf(u), { sessionId: session.id, handoffId: handoff.id })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const stored = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id }, include: { claimedBy: true } });
      const events = await db.realtimeEvent.findMany({ where: { accountId: tenant.accountId, type: "handoff_claimed", payload: { path: ["handoff_id"], equals: handoff.id } } });
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toEqual({
        handoff_id: handoff.id, session_id: session.id, claimed_by_id: stored.claimedById, claimed_by_name: stored.claimedBy!.name, claimed_at: stored.claimedAt!.toISOString(),
      });
      await backgroundTasksSettled();
      expect(received.filter((event) => event.type === "handoff_claimed").map((event) => event.id)).toEqual([events[0]!.id.toString()]);
    } finally {
      subscription.close();
    }
  });

  it("refuses viewers (403) and is not found for another tenant (404)", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    expect((await claim(tenant.viewer.id, session.id, handoff.id)).status).toBe(403);
    expect((await claim(other.owner.id, session.id, handoff.id)).status).toBe(404);
    await expect(claimHandoff(viewerOf(tenant.viewer), { sessionId: session.id, handoffId: handoff.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(claimHandoff(viewerOf(other.admin), { sessionId: session.id, handoffId: handoff.id })).rejects.toMatchObject({ code: "not_found" });
    // A handoff id addressed through another session is not found either.
    const unrelated = await createSessionFor(tenant.engineer, { status: "escalated" });
    expect((await claim(tenant.admin.id, unrelated.id, handoff.id)).status).toBe(404);
    expect((await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).claimedAt).toBeNull();
  });

  it("refuses claiming your own escalation (422)", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    const response = await claim(tenant.engineer.id, session.id, handoff.id);
    expect(response.status).toBe(422);
  });

  it("refuses a parked handoff (409)", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer, { intent: "park" });
    const response = await claim(tenant.admin.id, session.id, handoff.id);
    expect(response.status).toBe(409);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).handlerId).toBeNull();
  });

  it("refuses a handoff whose session is no longer in transit (409)", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    await db.aiSession.update({ where: { id: session.id }, data: { status: "resolved" } });
    const response = await claim(tenant.admin.id, session.id, handoff.id);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/no longer waiting/);
  });

  it("picks up a legacy requesting_escalation session", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer, { status: "requesting_escalation" });
    const response = await claim(tenant.owner.id, session.id, handoff.id);
    expect(response.status).toBe(200);
    expect(await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ status: "active", handlerId: tenant.owner.id });
  });

  it("after an escalation and a pickup, the picker works the session and the escalator no longer does", async () => {
    const session = await createSessionFor(tenant.engineer);
    const escalated = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "Help" });
    const result = await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: escalated.handoff.id });
    expect(result.session).toMatchObject({ status: "active", handler_id: tenant.admin.id });
    await expect(loadSessionForWrite(viewerOf(tenant.admin), session.id)).resolves.toMatchObject({ handlerId: tenant.admin.id });
    await expect(loadSessionForWrite(viewerOf(tenant.engineer), session.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
