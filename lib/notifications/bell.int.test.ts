import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/bell";
import { notify } from "@/tests/helpers/activity";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Bell A");
  b = await createTenant("Bell B");
});

afterEach(() => backgroundTasksSettled());

const readAtOf = async (id: string) => (await db.appNotification.findUniqueOrThrow({ where: { id } })).readAt;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("listNotifications", () => {
  it("lists only the viewer's own notifications, newest first", async () => {
    const older = await notify(a.engineer, { title: "older", createdAt: new Date(Date.now() - 60_000) });
    const newer = await notify(a.engineer, { title: "newer" });
    await notify(a.admin, { title: "teammate's" });
    await notify(b.engineer, { title: "other tenant's" });
    const listed = await listNotifications(viewerOf(a.engineer));
    expect(listed.map((notification) => notification.id)).toEqual([newer.id, older.id]);
  });

  it("shows at most the 20 most recent", async () => {
    const user = a.owner;
    for (let index = 0; index < 22; index += 1) {
      await notify(user, { title: `n${index}`, createdAt: new Date(Date.now() - (22 - index) * 1000) });
    }
    const listed = await listNotifications(viewerOf(user));
    expect(listed).toHaveLength(20);
    expect(listed[0]?.title).toBe("n21");
    expect(listed.at(-1)?.title).toBe("n2");
  });

  it("does not list a user's notifications under a viewer claiming another account", async () => {
    await notify(b.viewer, { title: "B's" });
    const forged = { ...viewerOf(b.viewer), accountId: a.accountId };
    expect(await listNotifications(forged)).toEqual([]);
  });
});

describe("markNotificationRead", () => {
  it("keeps the first read time when a read notification is opened again", async () => {
    const firstRead = new Date("2026-01-02T03:04:05Z");
    const row = await notify(a.engineer);
    await db.appNotification.update({ where: { id: row.id }, data: { readAt: firstRead } });
    await markNotificationRead(viewerOf(a.engineer), row.id);
    expect((await db.appNotification.findUniqueOrThrow({ where: { id: row.id } })).readAt).toEqual(firstRead);
  });

  it("marks the viewer's own notification read", async () => {
    const mine = await notify(a.viewer);
    await markNotificationRead(viewerOf(a.viewer), mine.id);
    expect(await readAtOf(mine.id)).toBeInstanceOf(Date);
  });

  it("refuses a teammate's notification as not_found and leaves it unread", async () => {
    const theirs = await notify(a.admin);
    const error = await errorOf(markNotificationRead(viewerOf(a.engineer), theirs.id));
    expect(error.code).toBe("not_found");
    expect(await readAtOf(theirs.id)).toBeNull();
  });

  it("refuses another tenant's notification as not_found and leaves it unread", async () => {
    const theirs = await notify(b.owner);
    const error = await errorOf(markNotificationRead(viewerOf(a.owner), theirs.id));
    expect(error.code).toBe("not_found");
    expect(await readAtOf(theirs.id)).toBeNull();
  });

  it("answers an unknown id the same way", async () => {
    const error = await errorOf(markNotificationRead(viewerOf(a.owner), "00000000-0000-4000-8000-000000000000"));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Notification not found.");
  });
});

describe("markAllNotificationsRead", () => {
  it("marks only the viewer's own notifications", async () => {
    const user = (await createTenant("Bell C")).engineer;
    const mine = [await notify(user), await notify(user)];
    const teammates = await notify(a.engineer);
    const otherTenant = await notify(b.engineer);
    await markAllNotificationsRead(viewerOf(user));
    for (const notification of mine) expect(await readAtOf(notification.id)).toBeInstanceOf(Date);
    expect(await readAtOf(teammates.id)).toBeNull();
    expect(await readAtOf(otherTenant.id)).toBeNull();
  });

  it("keeps the first read time of an already-read notification", async () => {
    const user = a.viewer;
    const read = await notify(user, { read: true });
    const firstReadAt = await readAtOf(read.id);
    await markAllNotificationsRead(viewerOf(user));
    expect(await readAtOf(read.id)).toEqual(firstReadAt);
  });
});

describe("listNotifications: where each escalation stands", () => {
  const escalate = async (by: TestUser, title: string) => {
    const session = await createSessionFor(by, { title });
    const { handoff } = await createHandoff(viewerOf(by), { sessionId: session.id, intent: "escalate", reason: "Needs a senior", packageMarkdown: "## Problem\nP" });
    return { sessionId: session.id, handoffId: handoff.id };
  };
  const rowFor = async (user: TestUser, title: string) => (await listNotifications(viewerOf(user))).find((row) => row.title.includes(title))!;

  it("says waiting, or picked up by whom ('by you' for the claimer); picked-up rows are resolved and never unread", async () => {
    const team = await createTenant("Bell states");
    await escalate(team.engineer, "Printer offline");
    const claimed = await escalate(team.engineer, "VPN drops");
    await claimHandoff(viewerOf(team.admin), claimed);

    expect(await rowFor(team.owner, "Printer offline")).toMatchObject({ state: { kind: "waiting" }, resolved: false, unread: true, link: expect.stringContaining("from=escalations") });
    expect(await rowFor(team.owner, "VPN drops")).toMatchObject({ state: { kind: "picked_up", byName: team.admin.name, byViewer: false }, resolved: true, unread: false });
    expect(await rowFor(team.admin, "VPN drops")).toMatchObject({ state: { kind: "picked_up", byName: team.admin.name, byViewer: true }, resolved: true, unread: false });
    expect(await countUnreadNotifications(viewerOf(team.owner))).toBe(1);
    // The escalator's "picked up" row announces no pickup request, so it has no state and is unread.
    expect(await rowFor(team.engineer, "picked up")).toMatchObject({ title: `${team.admin.name} picked up “VPN drops”`, state: null, unread: true });
  });

  it("treats a row written before pickups resolved rows as resolved once its escalation no longer waits", async () => {
    const team = await createTenant("Bell legacy");
    const link = async (user: TestUser, handoff: { id: string; sessionId: string }, title: string) =>
      db.appNotification.create({ data: { accountId: team.accountId, userId: user.id, type: "session.escalated", title, body: "b", link: "/pilot", sessionId: handoff.sessionId, handoffId: handoff.id } });
    const claimed = await createPendingHandoff(team.engineer);
    await link(team.owner, claimed.handoff, "legacy claimed");
    await db.sessionHandoff.update({ where: { id: claimed.handoff.id }, data: { claimedAt: new Date(), claimedById: team.admin.id } });
    const stopped = await createPendingHandoff(team.engineer);
    await link(team.owner, stopped.handoff, "legacy stopped");
    await db.aiSession.update({ where: { id: stopped.session.id }, data: { status: "resolved" } });
    const waiting = await createPendingHandoff(team.engineer);
    await link(team.owner, waiting.handoff, "legacy waiting");

    expect(await rowFor(team.owner, "legacy claimed")).toMatchObject({ readAt: null, state: { kind: "picked_up", byName: team.admin.name }, unread: false });
    expect(await rowFor(team.owner, "legacy stopped")).toMatchObject({ readAt: null, state: { kind: "closed" }, unread: false });
    expect(await rowFor(team.owner, "legacy waiting")).toMatchObject({ state: { kind: "waiting" }, unread: true });
    expect(await countUnreadNotifications(viewerOf(team.owner))).toBe(1);
  });
});
