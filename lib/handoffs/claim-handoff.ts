import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { handoffView, sessionView } from "@/lib/handoffs/views";
import { runInBackground } from "@/lib/notifications/dispatcher";
import { publishCommitted } from "@/lib/realtime/bus";
import { recordRealtimeEvent } from "@/lib/realtime/events";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export type ClaimHandoff = { sessionId: string; handoffId: string };

/** The escalator's bell row saying who picked their session up. */
export const PICKED_UP_NOTIFICATION_TYPE = "session.picked_up";

/**
 * F6–F7: claims an escalation for `viewer`. One conditional update decides the race: the handoff
 * must be unclaimed and its session in transit (escalated or legacy requesting_escalation), so
 * exactly one claimer wins. The winner becomes the session's handler, the session is active
 * again, a "Picked up by" step and the `handoff_claimed` live event are written, every bell row
 * announcing this (or an earlier) escalation of the session is resolved for every recipient, and
 * the escalator gets a "picked up" bell row — all in one transaction; the event (which also makes
 * the escalator's bell refetch) is published after commit without holding up the answer. Throws forbidden for
 * viewers, not_found for a handoff outside the viewer's account, invalid for one's own
 * escalation, conflict naming the holder when someone else got there first.
 */
export async function claimHandoff(viewer: Viewer, input: ClaimHandoff) {
  if (viewer.role === "viewer") throw forbidden("Engineer or admin access required.");
  const mine = { id: input.handoffId, sessionId: input.sessionId, accountId: viewer.accountId };
  const handoff = await db.sessionHandoff.findFirst({ where: mine, select: { fromUserId: true, intent: true } });
  if (!handoff) throw notFound("Handoff");
  if (handoff.fromUserId === viewer.userId) throw invalid("You can't pick up your own escalation; a teammate has to.");
  if (handoff.intent !== "escalate") throw conflict("A parked session isn't waiting for pickup.");

  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.sessionHandoff.updateMany({
      where: { ...mine, intent: "escalate", claimedAt: null, session: { status: { in: [...IN_TRANSIT_STATUSES] } } },
      data: { claimedAt: now, claimedById: viewer.userId },
    });
    if (claimed.count === 0) return null;
    const session = await tx.aiSession.update({
      where: { id: input.sessionId },
      data: { handlerId: viewer.userId, status: "active" },
      select: { id: true, title: true, status: true, escalationReason: true, escalatedToId: true, escalatedAt: true, handlerId: true },
    });
    await resolveEscalationNotifications(tx, { accountId: viewer.accountId, sessionId: input.sessionId, now });
    // The escalator is never the claimer (refused above), so this row always tells someone else.
    await tx.appNotification.create({
      data: {
        accountId: viewer.accountId, userId: handoff.fromUserId, type: PICKED_UP_NOTIFICATION_TYPE, sessionId: input.sessionId,
        title: `${viewer.name} picked up “${session.title}”`, body: "They are handling it now; open the session to follow along.",
        link: `/pilot/${input.sessionId}`,
      },
    });
    await tx.aiSessionStep.create({
      data: {
        accountId: viewer.accountId, sessionId: input.sessionId, userId: viewer.userId, kind: "engineer_action",
        content: `Picked up by ${viewer.name}`, metadata: { type: "handoff_claimed", handoff_id: input.handoffId },
      },
    });
    const row = await tx.sessionHandoff.findFirstOrThrow({ where: { id: input.handoffId } });
    const event = await recordRealtimeEvent(tx, viewer.accountId, "handoff_claimed", {
      handoff_id: input.handoffId, session_id: input.sessionId, claimed_by_id: viewer.userId, claimed_by_name: viewer.name, claimed_at: now.toISOString(),
    });
    return { view: { handoff: handoffView(row), session: sessionView(session) }, event };
  }, { timeout: 10_000, maxWait: 10_000 });
  if (!result) throw await explainClaimMiss(viewer, input.handoffId);
  runInBackground("handoffs.claim_publish_failed", () => publishCommitted(result.event));
  return result.view;
}

/**
 * Settles the bell rows that asked the team to pick this session up — this escalation's and any
 * earlier one's (a re-escalation after a pickup must not leave the first round unread) — for
 * every recipient, the claimer included: resolved now, read now unless read already. Rows that
 * announce no handoff (an escalator's "picked up") are left alone.
 */
async function resolveEscalationNotifications(tx: Tx, input: { accountId: string; sessionId: string; now: Date }) {
  const ofSession = { accountId: input.accountId, handoff: { is: { sessionId: input.sessionId } }, resolvedAt: null };
  await tx.appNotification.updateMany({ where: { ...ofSession, readAt: null }, data: { readAt: input.now, resolvedAt: input.now } });
  await tx.appNotification.updateMany({ where: ofSession, data: { resolvedAt: input.now } });
}

async function explainClaimMiss(viewer: Viewer, handoffId: string) {
  const current = await db.sessionHandoff.findFirst({
    where: { id: handoffId, accountId: viewer.accountId },
    select: { claimedBy: { select: { name: true } } },
  });
  if (current?.claimedBy) return conflict(`Already picked up by ${current.claimedBy.name}.`);
  return conflict("This session is no longer waiting for pickup. Reload to see where it is.");
}
