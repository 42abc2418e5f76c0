import type { Viewer } from "@/lib/auth/viewer";
import { db, queryPreparedRows, queryRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * The viewer's notifications that still ask for attention, as a condition on `app_notifications n`:
 * unread and unresolved, and — for rows written before a pickup resolved them — not announcing an
 * escalation that no longer waits (a handoff still unclaimed, its session still in transit, as the
 * queue lists it). The bell's count and the sidebar's both count exactly these.
 */
export function unreadNotificationsCondition(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`n.user_id = ${viewer.userId}::uuid AND n.account_id = ${viewer.accountId}::uuid
    AND n.read_at IS NULL AND n.resolved_at IS NULL
    AND (n.handoff_id IS NULL OR EXISTS (
      SELECT 1 FROM session_handoffs h JOIN ai_sessions s ON s.id = h.session_id
      WHERE h.id = n.handoff_id AND h.claimed_at IS NULL AND s.status IN (${Prisma.join(IN_TRANSIT_STATUSES)})))`;
}

type BellQueryRow = Omit<BellRow, "state" | "resolved" | "unread"> & {
  resolvedAt: Date | null;
  /** The handoff's columns, all null for a notification that announces none. */
  handoffId: string | null;
  claimedAt: Date | null;
  claimedById: string | null;
  claimedByName: string | null;
  sessionStatus: string | null;
};

function stateOf(viewer: Viewer, row: BellQueryRow): BellRowState | null {
  if (!row.handoffId) return null;
  if (row.claimedAt) {
    return { kind: "picked_up", byName: row.claimedByName ?? "a teammate", byViewer: row.claimedById === viewer.userId };
  }
  if (row.resolvedAt || !isInTransit(row.sessionStatus ?? "")) return { kind: "closed" };
  return { kind: "waiting" };
}

function toBellRow(viewer: Viewer, row: BellQueryRow): BellRow {
  const state = stateOf(viewer, row);
  const resolved = row.resolvedAt !== null || (state !== null && state.kind !== "waiting");
  return {
    id: row.id, type: row.type, title: row.title, body: row.body, link: row.link, readAt: row.readAt, createdAt: row.createdAt,
    state, resolved, unread: row.readAt === null && !resolved,
  };
}

/**
 * The viewer's most recent notifications, newest first, for the bell dropdown, each with the
 * state of the escalation it announces (waiting, or picked up by whom) read in the same
 * statement. Every page render of the shell reads it, so it goes straight to the pool as a prepared statement (queryPreparedRows).
 */
export async function listNotifications(viewer: Viewer): Promise<BellRow[]> {
  const rows = await queryPreparedRows<BellQueryRow>(Prisma.sql`
    SELECT n.id, n.type, n.title, n.body, n.link,
      n.read_at AT TIME ZONE 'UTC' AS "readAt", n.resolved_at AT TIME ZONE 'UTC' AS "resolvedAt",
      n.created_at AT TIME ZONE 'UTC' AS "createdAt",
      h.id AS "handoffId", h.claimed_at AT TIME ZONE 'UTC' AS "claimedAt",
      claimer.id AS "claimedById", claimer.name AS "claimedByName", s.status::text AS "sessionStatus"
    FROM app_notifications n
    LEFT JOIN session_handoffs h ON h.id = n.handoff_id
    LEFT JOIN users claimer ON claimer.id = h.claimed_by_id
    LEFT JOIN ai_sessions s ON s.id = h.session_id
    WHERE n.user_id = ${viewer.userId}::uuid AND n.account_id = ${viewer.accountId}::uuid
    ORDER BY n.created_at DESC
    LIMIT ${BELL_LIMIT}`);
  return rows.map((row) => toBellRow(viewer, row));
}

/** How many of the viewer's notifications are unread (`unreadNotificationsCondition`). */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    Prisma.sql`SELECT count(*)::int AS count FROM app_notifications n WHERE ${unreadNotificationsCondition(viewer)}`,
  );
  return row?.count ?? 0;
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
