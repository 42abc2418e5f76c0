import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAllSignIns } from "@/lib/auth/sign-ins/revoke-sign-ins";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { loadManagedMember, refuseLastOwner } from "@/lib/members/member-guards";
import { requeueClaimedWork, type Requeued } from "@/lib/members/requeue-claimed-work";
import { dispatchDeliveries, runInBackground } from "@/lib/notifications/dispatcher";
import { publishCommitted } from "@/lib/realtime/bus";

/**
 * Removes a member (soft delete, A1): they can't sign in, their open sign-ins are ended (each
 * browser is signed out on its next request), no notification goes to them, and the sessions they own stay readable. Work they
 * claimed but never acted on returns to the queue and is announced again (after commit). Writes
 * `member.removed`. Throws as `loadManagedMember`; conflict for the last owner.
 */
export async function removeMember(viewer: Viewer, id: string, now: Date = new Date()) {
  const member = await loadManagedMember(viewer, id, "remove");
  const requeued = await db.$transaction(async (tx) => {
    if (member.role === "owner") await refuseLastOwner(tx, viewer.accountId, member.id);
    const moved = await tx.user.updateMany({ where: { id: member.id, accountId: viewer.accountId, deletedAt: null }, data: { deletedAt: now } });
    if (moved.count === 0) throw conflict(`${member.name} has already been removed from your team.`);
    await revokeAllSignIns({ userId: member.id, accountId: viewer.accountId }, { client: tx });
    const work = await requeueClaimedWork(tx, { id: member.id, name: member.name, accountId: viewer.accountId }, now);
    await recordAudit(viewer, {
      action: "member.removed", targetType: "user", targetId: member.id,
      before: { name: member.name, email: member.email, role: member.role }, after: { requeued_session_ids: work.sessionIds },
    }, tx);
    return work;
  }, { timeout: 10_000 });
  announceRequeued(requeued);
  return { id: member.id, state: "removed" as const, requeued_session_ids: requeued.sessionIds };
}

function announceRequeued({ events, deliveryIds }: Requeued) {
  if (events.length === 0) return;
  runInBackground("members.requeue_announce_failed", async () => {
    for (const event of events) await publishCommitted(event);
    await dispatchDeliveries(deliveryIds);
  });
}
