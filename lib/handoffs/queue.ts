import { z } from "zod";
import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escalationReasonOf } from "@/lib/handoffs/views";
import { readPage, type ListPage } from "@/lib/lists/paging";
import { sessionSearchWhere } from "@/lib/sessions/list-sessions";
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

const orderBySort: Record<QueueSort, Prisma.AiSessionOrderByWithRelationInput[]> = {
  newest: [{ escalatedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "desc" }],
  waiting: [{ escalatedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "asc" }, { id: "asc" }],
};

/** The handoff still waiting for a senior: an unclaimed escalation, newest first. */
const openHandoff = {
  where: { intent: "escalate", claimedAt: null },
  orderBy: { createdAt: "desc" },
  take: 1,
  select: {
    id: true,
    reason: true,
    createdAt: true,
    fromUser: { select: { id: true, name: true } },
    targetUser: { select: { id: true, name: true } },
  },
} as const;

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

/**
 * F5: one page of the account's sessions waiting for a senior (escalated or legacy
 * requesting_escalation), newest escalation first unless sorted by waiting time, searched by
 * title, company or ticket, with the total that matches. Each row has its open handoff, who
 * escalated it and why. Scoped to the viewer's account; every role may read it (claiming is
 * checked where it happens).
 */
export async function listEscalationQueue(viewer: Viewer, query: Partial<EscalationQueueQuery> = {}): Promise<ListPage<EscalationQueueItem>> {
  const { q, status, sort = "newest", page = 1 } = query;
  const where: Prisma.AiSessionWhereInput = {
    AND: [{ accountId: viewer.accountId, status: status ? status : { in: [...IN_TRANSIT_STATUSES] } }, sessionSearchWhere(q)],
  };
  const found = await readPage({
    page,
    pageSize: QUEUE_PAGE_SIZE,
    count: () => db.aiSession.count({ where }),
    find: ({ skip, take }) => findQueueRows({ where, orderBy: orderBySort[sort], skip, take }),
  });
  return { ...found, items: found.items.map(toQueueItem) };
}

type QueueWindow = { where: Prisma.AiSessionWhereInput; orderBy: Prisma.AiSessionOrderByWithRelationInput[]; skip: number; take: number };

function findQueueRows(window: QueueWindow) {
  return db.aiSession.findMany({
    ...window,
    select: {
      id: true,
      title: true,
      status: true,
      companyName: true,
      psaTicketRef: true,
      escalationReason: true,
      escalatedAt: true,
      updatedAt: true,
      user: { select: { id: true, name: true } },
      escalatedTo: { select: { id: true, name: true } },
      handoffs: openHandoff,
    },
  });
}

function toQueueItem(session: Awaited<ReturnType<typeof findQueueRows>>[number]): EscalationQueueItem {
  const handoff = session.handoffs[0];
  return {
    sessionId: session.id,
    title: session.title,
    status: session.status as EscalationQueueItem["status"],
    companyName: session.companyName,
    psaTicketRef: session.psaTicketRef,
    handoffId: handoff?.id ?? null,
    reason: escalationReasonOf(session, handoff),
    escalatedBy: handoff?.fromUser ?? session.user,
    target: handoff?.targetUser ?? session.escalatedTo,
    waitingSince: session.escalatedAt ?? handoff?.createdAt ?? session.updatedAt,
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
