import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { IN_TRANSIT_STATUSES, isInTransit } from "@/lib/sessions/statuses";

const BELL_LIMIT = 20;

/**
 * Where the escalation a bell row announces stands. Only rows linked to a handoff (the
 * escalation and its reminder) have one; "closed" is an escalation that stopped waiting
 * without a pickup (a later one of the same session was picked up).
 */
export type BellRowState =
  | { kind: "waiting" }
  | { kind: "picked_up"; byName: string; byViewer: boolean }
  | { kind: "closed" };

/** One row of the bell dropdown. `unread` is what the count counts: unread and not resolved. */
export type BellRow = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string;
  readAt: Date | null;
  createdAt: Date;
  state: BellRowState | null;
  resolved: boolean;
  unread: boolean;
};

/** A handoff that still waits for a senior: unclaimed, its session still in transit (what the queue lists). */
const openHandoffWhere = { claimedAt: null, session: { status: { in: [...IN_TRANSIT_STATUSES] } } } satisfies Prisma.SessionHandoffWhereInput;

/**
 * The viewer's notifications that still ask for attention: unread and unresolved, and — for rows
 * written before a pickup resolved them — not announcing an escalation that no longer waits.
 * The bell's count and the sidebar's both count exactly these.
 */
export function unreadNotificationsWhere(viewer: Viewer): Prisma.AppNotificationWhereInput {
  return {
    userId: viewer.userId,
    accountId: viewer.accountId,
    readAt: null,
    resolvedAt: null,
    OR: [{ handoffId: null }, { handoff: { is: openHandoffWhere } }],
  };
}

type RowWithHandoff = Omit<BellRow, "state" | "resolved" | "unread"> & {
  resolvedAt: Date | null;
  handoff: { claimedAt: Date | null; claimedBy: { id: string; name: string } | null; session: { status: string } } | null;
};

function stateOf(viewer: Viewer, row: RowWithHandoff): BellRowState | null {
  const handoff = row.handoff;
  if (!handoff) return null;
  if (handoff.claimedAt) {
    return { kind: "picked_up", byName: handoff.claimedBy?.name ?? "a teammate", byViewer: handoff.claimedBy?.id === viewer.userId };
  }
  if (row.resolvedAt || !isInTransit(handoff.session.status)) return { kind: "closed" };
  return { kind: "waiting" };
}

function toBellRow(viewer: Viewer, row: RowWithHandoff): BellRow {
  const state = stateOf(viewer, row);
  const resolved = row.resolvedAt !== null || (state !== null && state.kind !== "waiting");
  return {
    id: row.id, type: row.type, title: row.title, body: row.body, link: row.link, readAt: row.readAt, createdAt: row.createdAt,
    state, resolved, unread: row.readAt === null && !resolved,
  };
}

/**
 * The viewer's most recent notifications, newest first, for the bell dropdown, each with the
 * state of the escalation it announces (waiting, or picked up by whom) read in the same call.
 */
export async function listNotifications(viewer: Viewer): Promise<BellRow[]> {
  const rows = await db.appNotification.findMany({
    where: { userId: viewer.userId, accountId: viewer.accountId },
    orderBy: { createdAt: "desc" },
    take: BELL_LIMIT,
    select: {
      id: true, type: true, title: true, body: true, link: true, readAt: true, resolvedAt: true, createdAt: true,
      handoff: { select: { claimedAt: true, claimedBy: { select: { id: true, name: true } }, session: { select: { status: true } } } },
    },
  });
  return rows.map((row) => toBellRow(viewer, row));
}

/** How many of the viewer's notifications are unread (`unreadNotificationsWhere`). */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  return db.appNotification.count({ where: unreadNotificationsWhere(viewer) });
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
