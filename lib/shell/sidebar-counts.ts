import type { Viewer } from "@/lib/auth/viewer";
import { queryPreparedRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { unreadNotificationsCondition } from "@/lib/notifications/bell";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export type SidebarCounts = { escalations: number; pendingDrafts: number; unreadNotifications: number };

/**
 * The three numbers the app shell shows, each an indexed count scoped to the viewer, read in one
 * prepared statement straight on the pool (every page render and the live refresh ask for them). The
 * unread count leaves out notifications of escalations already picked up, so a teammate's bell
 * agrees with the queue (F5).
 */
export async function getSidebarCounts(viewer: Viewer): Promise<SidebarCounts> {
  const [counts] = await queryPreparedRows<SidebarCounts>(Prisma.sql`
    SELECT
      (SELECT count(*)::int FROM ai_sessions
        WHERE account_id = ${viewer.accountId}::uuid AND status IN (${Prisma.join(IN_TRANSIT_STATUSES)})) AS escalations,
      (SELECT count(*)::int FROM draft_templates
        WHERE account_id = ${viewer.accountId}::uuid AND status = ${"pending"}) AS "pendingDrafts",
      (SELECT count(*)::int FROM app_notifications n WHERE ${unreadNotificationsCondition(viewer)}) AS "unreadNotifications"`);
  // A SELECT without FROM always answers one row.
  return counts ?? { escalations: 0, pendingDrafts: 0, unreadNotifications: 0 };
}
