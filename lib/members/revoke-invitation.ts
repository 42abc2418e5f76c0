import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { openInvitationWhere } from "@/lib/members/invitation-state";
import { invitationViewOf, invitationViewSelect } from "@/lib/members/invitation-view";
import { loadOpenInvitation } from "@/lib/members/load-invitation";

/**
 * Revokes an open invitation: its link stops working at once. Writes `invitation.revoked`.
 * Throws as `loadOpenInvitation`, and conflict when it was accepted or revoked meanwhile.
 */
export async function revokeInvitation(viewer: Viewer, id: string, now: Date = new Date()) {
  const current = await loadOpenInvitation(viewer, id);
  const invitation = await db.$transaction(async (tx) => {
    const moved = await tx.invitation.updateMany({ where: { id, accountId: viewer.accountId, ...openInvitationWhere }, data: { revokedAt: now } });
    if (moved.count === 0) return null;
    await recordAudit(viewer, { action: "invitation.revoked", targetType: "invitation", targetId: id, before: { email: current.email, role: current.role } }, tx);
    return tx.invitation.findFirstOrThrow({ where: { id }, select: invitationViewSelect });
  }, { timeout: 10_000 });
  if (!invitation) throw conflict("This invitation was accepted or revoked meanwhile. Reload to see where it is.");
  return invitationViewOf(invitation, invitation.invitedBy.name, now);
}
