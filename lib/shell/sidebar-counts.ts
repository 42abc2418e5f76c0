import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/notifications/bell";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export type SidebarCounts = { escalations: number; pendingDrafts: number; unreadNotifications: number };

/**
 * The three numbers the app shell shows, each a single indexed count scoped to the viewer. The
 * unread count leaves out notifications of escalations already picked up, so a teammate's bell
 * agrees with the queue (F5).
 */
export async function getSidebarCounts(viewer: Viewer): Promise<SidebarCounts> {
  const [escalations, pendingDrafts, unreadNotifications] = await Promise.all([
    db.aiSession.count({ where: { accountId: viewer.accountId, status: { in: [...IN_TRANSIT_STATUSES] } } }),
    db.draftTemplate.count({ where: { accountId: viewer.accountId, status: "pending" } }),
    countUnreadNotifications(viewer),
  ]);
  return { escalations, pendingDrafts, unreadNotifications };
}
