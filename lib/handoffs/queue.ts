import { z } from "zod";
import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db, queryPreparedRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { escalationReasonOf } from "@/lib/handoffs/views";
import { readPage, type ListPage } from "@/lib/lists/paging";
import { sessionSearchCondition } from "@/lib/sessions/list-sessions";
import { listPage, listSearchText } from "@/lib/sessions/schemas";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export const QUEUE_PAGE_SIZE = 25;
/** `newest`: most recently escalated first (where live arrivals land); `waiting`: waiting longest first. */
export const queueSorts = ["newest", "waiting"] as const;
export type QueueSort = (typeof queueSorts)[number];

/** The escalations page's URL state: `?q=&status=&sort=&page=`. */
export const escalationQueueQuery = z.object({
  q: listSearchText,
  status: z.enum(IN_TRANSIT_STATUSES, "Status is escalated or requesting_escalation.").optional(),
  sort: z.enum(queueSorts, "Sort is newest or waiting.").default("newest"),
  page: listPage,
});
export type EscalationQueueQuery = z.infer<typeof escalationQueueQuery>;

const orderBySql: Record<QueueSort, Prisma.Sql> = {
  newest: Prisma.sql`s.escalated_at DESC NULLS LAST, s.updated_at DESC, s.id DESC`,
  waiting: Prisma.sql`s.escalated_at ASC NULLS LAST, s.updated_at ASC, s.id ASC`,
};

export type EscalationQueueItem = {
  sessionId: string;
  title: string;
  status: "escalated" | "requesting_escalation";
  companyName: string | null;
  psaTicketRef: string | null;
  /** The open handoff to claim; null for a legacy escalation that never wrote one. */
  handoffId: string | null;
  reason: string | null;
  escalatedBy: { id: string; name: string };
  /** The teammate the escalator asked for, if any. */
  target: { id: string; name: string } | null;
  /** When the session started waiting; the queue shows the waiting time from it. */
  waitingSince: Date;
};

/** A queue row as the statement returns it: the session, its starter, its target, and its open handoff (columns null without one). */
type QueueRow = {
  id: string;
  title: string;
  status: EscalationQueueItem["status"];
  companyName: string | null;
  psaTicketRef: string | null;
  escalationReason: string | null;
  escalatedAt: Date | null;
  updatedAt: Date;
  userId: string;
  userName: string;
  escalatedToId: string | null;
  escalatedToName: string | null;
  handoffId: string | null;
  handoffReason: string | null;
  handoffCreatedAt: Date | null;
  fromUserId: string | null;
  fromUserName: string | null;
  targetUserId: string | null;
  targetUserName: string | null;
};

/**
 * F5: one page of the account's sessions waiting for a senior (escalated or legacy
 * requesting_escalation), newest escalation first unless sorted by waiting time, searched by
 * title, company or ticket, with the total that matches. Each row has its open handoff (the
 * newest unclaimed escalation), who escalated it and why. Scoped to the viewer's account; every
 * role may read it (claiming is checked where it happens). One count and one find, straight on
 * the pool: the escalations page renders it on every visit and live refresh.
 */
export async function listEscalationQueue(viewer: Viewer, query: Partial<EscalationQueueQuery> = {}): Promise<ListPage<EscalationQueueItem>> {
  const { q, status, sort = "newest", page = 1 } = query;
  const statuses = status ? [status] : [...IN_TRANSIT_STATUSES];
  const where = Prisma.sql`s.account_id = ${viewer.accountId}::uuid AND s.status IN (${Prisma.join(statuses)})
    AND ${sessionSearchCondition(q)}`;
  const found = await readPage({
    page,
    pageSize: QUEUE_PAGE_SIZE,
    count: async () => {
      const [row] = await queryPreparedRows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM ai_sessions s WHERE ${where}`);
      return row?.total ?? 0;
    },
    find: ({ skip, take }) => findQueueRows(where, orderBySql[sort], skip, take),
  });
  return { ...found, items: found.items.map(toQueueItem) };
}

function findQueueRows(where: Prisma.Sql, orderBy: Prisma.Sql, skip: number, take: number) {
  return queryPreparedRows<QueueRow>(Prisma.sql`
    SELECT s.id, s.title, s.status::text AS status, s.company_name AS "companyName", s.psa_ticket_ref AS "psaTicketRef",
      s.escalation_reason AS "escalationReason", s.escalated_at AT TIME ZONE 'UTC' AS "escalatedAt",
      s.updated_at AT TIME ZONE 'UTC' AS "updatedAt",
      starter.id AS "userId", starter.name AS "userName", asked.id AS "escalatedToId", asked.name AS "escalatedToName",
      h.id AS "handoffId", h.reason AS "handoffReason", h.created_at AT TIME ZONE 'UTC' AS "handoffCreatedAt",
      h_from.id AS "fromUserId", h_from.name AS "fromUserName", h_target.id AS "targetUserId", h_target.name AS "targetUserName"
    FROM ai_sessions s
    JOIN users starter ON starter.id = s.user_id
    LEFT JOIN users asked ON asked.id = s.escalated_to_id
    LEFT JOIN LATERAL (
      SELECT oh.id, oh.reason, oh.created_at, oh.from_user_id, oh.target_user_id FROM session_handoffs oh
      WHERE oh.session_id = s.id AND oh.intent = ${"escalate"}::"HandoffIntent" AND oh.claimed_at IS NULL
      ORDER BY oh.created_at DESC LIMIT 1
    ) h ON TRUE
    LEFT JOIN users h_from ON h_from.id = h.from_user_id
    LEFT JOIN users h_target ON h_target.id = h.target_user_id
    WHERE ${where}
    ORDER BY ${orderBy}
    OFFSET ${skip} LIMIT ${take}`);
}

const named = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

function toQueueItem(row: QueueRow): EscalationQueueItem {
  const handoff = row.handoffId ? { reason: row.handoffReason ?? "", createdAt: row.handoffCreatedAt } : null;
  return {
    sessionId: row.id,
    title: row.title,
    status: row.status,
    companyName: row.companyName,
    psaTicketRef: row.psaTicketRef,
    handoffId: row.handoffId,
    reason: escalationReasonOf(row, handoff),
    escalatedBy: named(row.fromUserId, row.fromUserName) ?? { id: row.userId, name: row.userName },
    target: named(row.targetUserId, row.targetUserName) ?? named(row.escalatedToId, row.escalatedToName),
    waitingSince: row.escalatedAt ?? handoff?.createdAt ?? row.updatedAt,
  };
}

/**
 * The open escalation of one session the pickup screen offers to claim, or null when the session
 * is not waiting (or is outside the viewer's account). `fromUserId` lets the page hide the button
 * from the escalator.
 */
export async function findOpenHandoff(viewer: Viewer, sessionId: string) {
  return db.sessionHandoff.findFirst({
    where: {
      accountId: viewer.accountId,
      sessionId,
      intent: "escalate",
      claimedAt: null,
      session: { status: { in: [...IN_TRANSIT_STATUSES] } },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, fromUserId: true },
  });
}

/** What the pickup screen offers the viewer for an in-transit session (F7). */
export type PickUpOffer =
  | { kind: "claim"; handoffId: string }
  /** The viewer escalated it; a teammate has to pick it up. */
  | { kind: "own" }
  /** Viewers read the handoff but can't claim it. */
  | { kind: "read_only" }
  /** No open handoff (already claimed, or a legacy escalation that never wrote one). */
  | { kind: "none" };

/** Decides the pickup screen's one button: claim for a teammate engineer or admin, otherwise why not. */
export async function getPickUpOffer(viewer: Viewer, sessionId: string): Promise<PickUpOffer> {
  const open = await findOpenHandoff(viewer, sessionId);
  if (!open) return { kind: "none" };
  if (!roleAllows("engineerOrAdmin", viewer.role)) return { kind: "read_only" };
  if (open.fromUserId === viewer.userId) return { kind: "own" };
  return { kind: "claim", handoffId: open.id };
}
