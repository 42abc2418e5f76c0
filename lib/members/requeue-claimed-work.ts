import type { Tx } from "@/lib/db";
import { NOTIFICATION_TYPE } from "@/lib/handoffs/handoff-manager";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { enqueueEscalationDeliveries, pickupPath } from "@/lib/notifications/outbox";
import { recordRealtimeEvent, type RealtimeEvent } from "@/lib/realtime/events";

export type Requeued = { sessionIds: string[]; events: RealtimeEvent[]; deliveryIds: string[] };

type Member = { id: string; name: string; accountId: string };

/**
 * Inside the removal's transaction (after `deletedAt` is set): every escalation `member` picked
 * up but never acted on — they still handle the session, it is active, its latest escalation was
 * claimed by them and they wrote no step after the claim — goes back to the queue as a new open
 * handoff from the original escalator, announced as an escalation is: bell rows, outbox
 * deliveries and a `handoff_created` event, which the caller publishes and sends after commit.
 */
export async function requeueClaimedWork(tx: Tx, member: Member, now: Date): Promise<Requeued> {
  const held = await tx.aiSession.findMany({
    where: { accountId: member.accountId, handlerId: member.id, status: "active" },
    select: {
      id: true, title: true,
      handoffs: { where: { intent: "escalate" }, orderBy: { createdAt: "desc" }, take: 1, select: { claimedById: true, claimedAt: true, reason: true, fromUserId: true, fromUser: { select: { name: true } } } },
    },
  });
  const result: Requeued = { sessionIds: [], events: [], deliveryIds: [] };
  for (const session of held) {
    const claim = session.handoffs[0];
    if (!claim || claim.claimedById !== member.id || !claim.claimedAt) continue;
    if (await actedSince(tx, session.id, member.id, claim.claimedAt)) continue;
    const announced = await returnToQueue(tx, { member, now, session, claim: { reason: claim.reason, fromUserId: claim.fromUserId, fromUserName: claim.fromUser.name } });
    result.sessionIds.push(session.id);
    result.events.push(announced.event);
    result.deliveryIds.push(...announced.deliveryIds);
  }
  return result;
}

/** True when the member wrote any step in the session after the claim, beyond the "Picked up by" step the claim itself wrote. */
async function actedSince(tx: Tx, sessionId: string, userId: string, claimedAt: Date): Promise<boolean> {
  const steps = await tx.aiSessionStep.findMany({ where: { sessionId, userId, createdAt: { gte: claimedAt } }, select: { metadata: true } });
  return steps.some((step) => (step.metadata as { type?: unknown } | null)?.type !== "handoff_claimed");
}

type Return = {
  member: Member;
  now: Date;
  session: { id: string; title: string };
  claim: { reason: string; fromUserId: string; fromUserName: string };
};

async function returnToQueue(tx: Tx, { member, now, session, claim }: Return) {
  const accountId = member.accountId;
  await tx.aiSession.update({ where: { id: session.id }, data: { status: "escalated", handlerId: null, escalatedAt: now, escalatedToId: null } });
  const handoff = await tx.sessionHandoff.create({
    data: { accountId, sessionId: session.id, intent: "escalate", reason: claim.reason, fromUserId: claim.fromUserId, createdAt: now },
    select: { id: true },
  });
  await tx.aiSessionStep.create({
    data: {
      accountId, sessionId: session.id, userId: null, kind: "system_event",
      content: `Back in the queue: ${member.name} was removed from the team before working on it`,
      metadata: { type: "handoff_requeued", handoff_id: handoff.id, removed_user_id: member.id },
    },
  });
  const recipients = await tx.user.findMany({ where: escalationRecipientsWhere({ accountId, escalatorId: claim.fromUserId }), select: { id: true, email: true, name: true } });
  const link = pickupPath(session.id);
  await tx.appNotification.createMany({
    data: recipients.map((user) => ({
      accountId, userId: user.id, type: NOTIFICATION_TYPE, sessionId: session.id, handoffId: handoff.id,
      title: `${claim.fromUserName} escalated “${session.title}”`, body: claim.reason.slice(0, 280), link,
    })),
  });
  const deliveryIds = await enqueueEscalationDeliveries(tx, {
    accountId, handoffId: handoff.id, sessionId: session.id, sessionTitle: session.title,
    reason: claim.reason, escalatorName: claim.fromUserName, recipients,
  });
  const event = await recordRealtimeEvent(tx, accountId, "handoff_created", {
    handoff_id: handoff.id, session_id: session.id, session_title: session.title, reason: claim.reason,
    from_user_id: claim.fromUserId, from_user_name: claim.fromUserName, target_user_id: null, created_at: now.toISOString(), link,
  });
  return { event, deliveryIds };
}
