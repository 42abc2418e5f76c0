import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

const BELL_LIMIT = 20;

/** The viewer's most recent notifications, newest first, for the bell dropdown. */
export async function listNotifications(viewer: Viewer) {
  return db.appNotification.findMany({
    where: { userId: viewer.userId, accountId: viewer.accountId },
    orderBy: { createdAt: "desc" },
    take: BELL_LIMIT,
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

/** Marks one of the viewer's notifications read, keeping the first read time. Throws not_found for anyone else's. */
export async function markNotificationRead(viewer: Viewer, notificationId: string) {
  const mine = { id: notificationId, userId: viewer.userId, accountId: viewer.accountId };
  const updated = await db.appNotification.updateMany({ where: { ...mine, readAt: null }, data: { readAt: new Date() } });
  if (updated.count === 0 && (await db.appNotification.count({ where: mine })) === 0) throw notFound("Notification");
}

/** Marks all of the viewer's notifications read. */
export async function markAllNotificationsRead(viewer: Viewer) {
  await db.appNotification.updateMany({
    where: { userId: viewer.userId, accountId: viewer.accountId, readAt: null },
    data: { readAt: new Date() },
  });
}
