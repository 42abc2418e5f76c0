import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as countsRoute from "@/app/api/v1/shell/counts/route";
import { claimHandoff, PICKED_UP_NOTIFICATION_TYPE } from "@/lib/handoffs/claim-handoff";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { listEscalationQueue } from "@/lib/handoffs/queue";
import { listNotifications, markNotificationRead } from "@/lib/notifications/bell";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { db } from "@/lib/db";
import { recordRealtimeEvent } from "@/lib/realtime/events";
import { getShellCounts, getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { draftBy, notify } from "@/tests/helpers/activity";
import { callRoute } from "@/tests/helpers/call-route";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Counts A");
  b = await createTenant("Counts B");
  // Tenant A: one session in each status, two of them in transit to a senior.
  for (const status of ["active", "parked", "escalated", "requesting_escalation", "resolved"] as const) {
    await createSessionFor(a.engineer, { status });
  }
  await draftBy(a.engineer);
  await draftBy(a.engineer, "accepted");
  await draftBy(a.admin, "rejected");
  await notify(a.owner);
  await notify(a.owner);
  await notify(a.owner, { read: true });
  await notify(a.admin);
  // Tenant B: plenty of everything, none of which A may count.
  for (let index = 0; index < 3; index += 1) {
    await createSessionFor(b.engineer, { status: "escalated" });
    await draftBy(b.engineer);
    await notify(b.owner);
  }
});

describe("getSidebarCounts", () => {
  it("counts in-transit sessions and pending drafts of the account, and the viewer's unread notifications", async () => {
    expect(await getSidebarCounts(viewerOf(a.owner))).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 2 });
  });

  it("does not count a teammate's notifications", async () => {
    expect(await getSidebarCounts(viewerOf(a.admin))).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 1 });
    expect(await getSidebarCounts(viewerOf(a.engineer))).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 0 });
  });

  it("does not count another tenant's escalations, drafts or notifications", async () => {
    expect(await getSidebarCounts(viewerOf(b.viewer))).toEqual({ escalations: 3, pendingDrafts: 3, unreadNotifications: 0 });
    const fresh = await createTenant("Counts C");
    expect(await getSidebarCounts(viewerOf(fresh.owner))).toEqual({ escalations: 0, pendingDrafts: 0, unreadNotifications: 0 });
  });

  it("drops a notification from the count once it is read", async () => {
    const user = (await createTenant("Counts D")).engineer;
    const first = await notify(user);
    await notify(user);
    expect((await getSidebarCounts(viewerOf(user))).unreadNotifications).toBe(2);
    await markNotificationRead(viewerOf(user), first.id);
    expect((await getSidebarCounts(viewerOf(user))).unreadNotifications).toBe(1);
  });
});

describe("getShellCounts (the layout's read)", () => {
  const recordEvent = (accountId: string) => db.$transaction((tx) => recordRealtimeEvent(tx, accountId, "handoff_created", {}));

  it("answers the same counts as getSidebarCounts, resuming from 0 while the account has no live event", async () => {
    const fresh = await createTenant("Shell counts fresh");
    expect(await getShellCounts(viewerOf(fresh.owner))).toEqual({ counts: { escalations: 0, pendingDrafts: 0, unreadNotifications: 0 }, resumeFrom: "0" });
    expect(await getShellCounts(viewerOf(a.owner))).toEqual({ counts: await getSidebarCounts(viewerOf(a.owner)), resumeFrom: expect.any(String) });
  });

  it("resumes from the account's newest event, never another tenant's", async () => {
    const [mine, theirs] = [await createTenant("Shell counts mine"), await createTenant("Shell counts theirs")];
    await recordEvent(mine.accountId);
    const newest = await recordEvent(mine.accountId);
    const later = await recordEvent(theirs.accountId);
    expect(BigInt(later.id)).toBeGreaterThan(BigInt(newest.id));
    expect((await getShellCounts(viewerOf(mine.engineer))).resumeFrom).toBe(newest.id);
    expect((await getShellCounts(viewerOf(theirs.viewer))).resumeFrom).toBe(later.id);
  });
});

describe("counts after escalations and pickups", () => {
  afterEach(() => backgroundTasksSettled());

  it("after N escalations and K pickups, a teammate's unread bell rows, the queue and the sidebar all say N-K; the escalator has K picked-up rows", async () => {
    const team = await createTenant("Counts agree");
    const senior = await addUser(team.accountId, { role: "engineer", label: "senior" });
    const escalations = [];
    for (const title of ["Printer offline", "VPN drops", "Mail stuck", "Share missing"]) {
      const session = await createSessionFor(team.engineer, { title });
      const { handoff } = await createHandoff(viewerOf(team.engineer), { sessionId: session.id, intent: "escalate", reason: `${title}: needs a senior`, packageMarkdown: "## Problem\nP" });
      escalations.push({ sessionId: session.id, handoffId: handoff.id });
    }
    // K = 2: one picked up by an admin, one by the owner; the senior claims nothing.
    await claimHandoff(viewerOf(team.admin), escalations[0]!);
    await claimHandoff(viewerOf(team.owner), escalations[2]!);
    const waiting = escalations.length - 2;

    const seniorRows = await listNotifications(viewerOf(senior));
    expect(seniorRows.filter((row) => row.unread && row.state?.kind === "waiting")).toHaveLength(waiting);
    expect(seniorRows.filter((row) => row.state?.kind === "picked_up" && !row.unread)).toHaveLength(2);
    expect((await listEscalationQueue(viewerOf(senior))).total).toBe(waiting);
    expect(await getSidebarCounts(viewerOf(senior))).toMatchObject({ escalations: waiting, unreadNotifications: waiting });
    for (const claimer of [team.admin, team.owner]) expect((await getSidebarCounts(viewerOf(claimer))).unreadNotifications).toBe(waiting);

    const escalatorRows = await listNotifications(viewerOf(team.engineer));
    expect(escalatorRows.filter((row) => row.type === PICKED_UP_NOTIFICATION_TYPE && row.unread).map((row) => row.title).sort()).toEqual(
      [`${team.admin.name} picked up “Printer offline”`, `${team.owner.name} picked up “Mail stuck”`].sort(),
    );
    expect((await getSidebarCounts(viewerOf(team.engineer))).unreadNotifications).toBe(2);
  });
});

describe("GET /api/v1/shell/counts", () => {
  it("answers the caller's counts", async () => {
    const response = await callRoute(countsRoute.GET, "GET", { as: a.owner.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 2 });
  });

  it("answers tenant B's owner with tenant B's counts only", async () => {
    const response = await callRoute(countsRoute.GET, "GET", { as: b.owner.id });
    expect(await response.json()).toEqual({ escalations: 3, pendingDrafts: 3, unreadNotifications: 3 });
  });

  it("refuses signed-out and removed callers with 401", async () => {
    expect((await callRoute(countsRoute.GET, "GET", {})).status).toBe(401);
    expect((await callRoute(countsRoute.GET, "GET", { as: a.removed.id })).status).toBe(401);
  });
});
