import { beforeAll, describe, expect, it } from "vitest";
import * as countsRoute from "@/app/api/v1/shell/counts/route";
import { markNotificationRead } from "@/lib/notifications/bell";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { draftBy, notify } from "@/tests/helpers/activity";
import { callRoute } from "@/tests/helpers/call-route";
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
