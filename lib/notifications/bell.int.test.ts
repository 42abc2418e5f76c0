import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/bell";
import { notify } from "@/tests/helpers/activity";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Bell A");
  b = await createTenant("Bell B");
});

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
