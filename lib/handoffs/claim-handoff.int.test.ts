import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as claimRoute } from "@/app/api/v1/ai-sessions/[id]/handoffs/[hid]/claim/route";
import { db } from "@/lib/db";
import { claimHandoff, PICKED_UP_NOTIFICATION_TYPE } from "@/lib/handoffs/claim-handoff";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { escalationBus } from "@/lib/realtime/bus";
import { recordRealtimeEvent, type RealtimeEvent } from "@/lib/realtime/events";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { callRoute } from "@/tests/helpers/call-route";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

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

  it("draws its event id after an open event writer of the account commits, and answers the stored times", async () => {
    const { session, handoff } = await createPendingHandoff(tenant.engineer);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: (id: string) => void;
    const firstId = new Promise<string>((resolve) => (recorded = resolve));
    const first = db.$transaction(async (tx) => {
      recorded((await recordRealtimeEvent(tx, tenant.accountId, "handoff_created", { n: 1 })).id);
      await held;
    });
    const heldId = await firstId;
    const claiming = claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: handoff.id });
    const settled = await Promise.race([claiming.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300))]);
    expect(settled).toBe(false);
    release();
    await first;
    const result = await claiming;
    const [claimed] = await db.realtimeEvent.findMany({ where: { accountId: tenant.accountId, type: "handoff_claimed", payload: { path: ["handoff_id"], equals: handoff.id } } });
    expect(claimed!.id).toBeGreaterThan(BigInt(heldId));
    const stored = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(result.handoff).toMatchObject({ claimed_at: stored.claimedAt!.toISOString(), created_at: stored.createdAt.toISOString(), reason: stored.reason });
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

describe("claimHandoff: the bell", () => {
  // An edited package, so escalating needs no model.
  const escalate = (by: TestUser, sessionId: string, reason = "Needs a senior") =>
    createHandoff(viewerOf(by), { sessionId, intent: "escalate", reason, packageMarkdown: "## Problem\nTunnel drops" });
  const unreadOf = async (user: TestUser) => (await getSidebarCounts(viewerOf(user))).unreadNotifications;

  it("resolves every recipient's row of the escalation, the claimer's included, keeping an earlier read time", async () => {
    const team = await createTenant("Bell claim MSP");
    const session = await createSessionFor(team.engineer, { title: "VPN drops hourly" });
    const { handoff } = await escalate(team.engineer, session.id);
    const readEarlier = new Date("2026-01-02T03:04:05Z");
    await db.appNotification.updateMany({ where: { handoffId: handoff.id, userId: team.owner.id }, data: { readAt: readEarlier } });
    expect(await unreadOf(team.admin)).toBe(1);

    await claimHandoff(viewerOf(team.admin), { sessionId: session.id, handoffId: handoff.id });
    const { claimedAt } = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
    const rows = await db.appNotification.findMany({ where: { handoffId: handoff.id } });
    expect(rows.map((row) => row.userId).sort()).toEqual([team.owner.id, team.admin.id].sort());
    for (const row of rows) expect(row.resolvedAt).toEqual(claimedAt);
    expect(rows.find((row) => row.userId === team.owner.id)!.readAt).toEqual(readEarlier);
    expect(rows.find((row) => row.userId === team.admin.id)!.readAt).toEqual(claimedAt);
    expect(await unreadOf(team.admin)).toBe(0);
    expect(await unreadOf(team.owner)).toBe(0);
  });

  it("tells the escalator who picked their session up, linking to the session", async () => {
    const team = await createTenant("Picked up MSP");
    const session = await createSessionFor(team.engineer, { title: "VPN drops hourly" });
    const { handoff } = await escalate(team.engineer, session.id);
    expect(await unreadOf(team.engineer)).toBe(0);

    await claimHandoff(viewerOf(team.owner), { sessionId: session.id, handoffId: handoff.id });
    const rows = await db.appNotification.findMany({ where: { userId: team.engineer.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        accountId: team.accountId, type: PICKED_UP_NOTIFICATION_TYPE, sessionId: session.id, handoffId: null, readAt: null, resolvedAt: null,
        title: `${team.owner.name} picked up “VPN drops hourly”`, link: `/pilot/${session.id}`,
      }),
    ]);
    expect(await unreadOf(team.engineer)).toBe(1);
  });

  it("a re-escalation's pickup also resolves what the session's first escalation left unread", async () => {
    const team = await createTenant("Re-escalation MSP");
    const session = await createSessionFor(team.engineer, { title: "Mail flow stops" });
    const first = await escalate(team.engineer, session.id);
    await claimHandoff(viewerOf(team.admin), { sessionId: session.id, handoffId: first.handoff.id });
    // As rows written before pickups resolved anything: the first round still unread.
    await db.appNotification.updateMany({ where: { handoffId: first.handoff.id }, data: { readAt: null, resolvedAt: null } });

    // The handler escalates again; the owner picks that one up.
    const second = await escalate(team.admin, session.id, "Still stuck");
    await claimHandoff(viewerOf(team.owner), { sessionId: session.id, handoffId: second.handoff.id });
    const rounds = await db.appNotification.findMany({ where: { handoffId: { in: [first.handoff.id, second.handoff.id] } } });
    expect(rounds).toHaveLength(4);
    for (const row of rounds) {
      expect(row.resolvedAt).not.toBeNull();
      expect(row.readAt).not.toBeNull();
    }
    // Each escalator's "picked up" row is news, not a pickup request: it stays unread.
    const pickedUp = await db.appNotification.findMany({ where: { sessionId: session.id, type: PICKED_UP_NOTIFICATION_TYPE }, orderBy: { createdAt: "asc" } });
    expect(pickedUp.map((row) => [row.userId, row.readAt])).toEqual([[team.engineer.id, null], [team.admin.id, null]]);
  });
});
