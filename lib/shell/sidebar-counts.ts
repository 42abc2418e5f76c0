import type { Viewer } from "@/lib/auth/viewer";
import { queryPreparedRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { unreadNotificationsCondition } from "@/lib/notifications/bell";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export type SidebarCounts = { escalations: number; pendingDrafts: number; unreadNotifications: number };

/** What the app shell's server render reads besides the bell: the counts, and where its escalation stream resumes. */
export type ShellCounts = { counts: SidebarCounts; resumeFrom: string };

const NO_COUNTS: SidebarCounts = { escalations: 0, pendingDrafts: 0, unreadNotifications: 0 };

/**
 * The three numbers the app shell shows, each an indexed count scoped to the viewer, read in one
 * prepared statement straight on the pool (every page render and the live refresh ask for them). The
 * unread count leaves out notifications of escalations already picked up, so a teammate's bell
 * agrees with the queue (F5).
 */
export async function getSidebarCounts(viewer: Viewer): Promise<SidebarCounts> {
  const [counts] = await queryPreparedRows<SidebarCounts>(Prisma.sql`SELECT ${countColumns(viewer)}`);
  // A SELECT without FROM always answers one row.
  return counts ?? NO_COUNTS;
}

/**
 * The counts plus the id of the account's newest live event ("0" when it has none), where the
 * tab's escalation stream resumes. One statement, so both come from one snapshot: an event
 * committed after it is neither counted nor before the resume point, and the stream replays it.
 */
export async function getShellCounts(viewer: Viewer): Promise<ShellCounts> {
  const [row] = await queryPreparedRows<SidebarCounts & { resumeFrom: string | null }>(Prisma.sql`
    SELECT ${countColumns(viewer)},
      (SELECT id::text FROM realtime_events WHERE account_id = ${viewer.accountId}::uuid ORDER BY id DESC LIMIT 1) AS "resumeFrom"`);
  if (!row) return { counts: NO_COUNTS, resumeFrom: "0" };
  const { resumeFrom, ...counts } = row;
  return { counts, resumeFrom: resumeFrom ?? "0" };
}

function countColumns(viewer: Viewer) {
  return Prisma.sql`
    (SELECT count(*)::int FROM ai_sessions
      WHERE account_id = ${viewer.accountId}::uuid AND status IN (${Prisma.join(IN_TRANSIT_STATUSES)})) AS escalations,
    (SELECT count(*)::int FROM draft_templates
      WHERE account_id = ${viewer.accountId}::uuid AND status = ${"pending"}) AS "pendingDrafts",
    (SELECT count(*)::int FROM app_notifications n WHERE ${unreadNotificationsCondition(viewer)}) AS "unreadNotifications"`;
}
