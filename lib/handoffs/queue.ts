import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

const QUEUE_LIMIT = 100;

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
 * F5: the account's sessions waiting for a senior (escalated or legacy requesting_escalation),
 * newest escalation first, each with its open handoff, who escalated it and why. Scoped to the
 * viewer's account; every role may read it (claiming is checked where it happens).
 */
export async function listEscalationQueue(viewer: Viewer): Promise<EscalationQueueItem[]> {
  const sessions = await db.aiSession.findMany({
    where: { accountId: viewer.accountId, status: { in: [...IN_TRANSIT_STATUSES] } },
    orderBy: [{ escalatedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
    take: QUEUE_LIMIT,
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
  return sessions.map((session) => {
    const handoff = session.handoffs[0];
    return {
      sessionId: session.id,
      title: session.title,
      status: session.status as EscalationQueueItem["status"],
      companyName: session.companyName,
      psaTicketRef: session.psaTicketRef,
      handoffId: handoff?.id ?? null,
      reason: handoff?.reason ?? session.escalationReason,
      escalatedBy: handoff?.fromUser ?? session.user,
      target: handoff?.targetUser ?? session.escalatedTo,
      waitingSince: session.escalatedAt ?? handoff?.createdAt ?? session.updatedAt,
    };
  });
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
