import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { dispatchInvitationEmail } from "@/lib/members/dispatch-invitation-email";
import { enqueueInvitationEmail } from "@/lib/members/invitation-email";
import { openInvitationWhere } from "@/lib/members/invitation-state";
import { invitationExpiry, newInvitationToken } from "@/lib/members/invitation-token";
import { invitationViewOf, invitationViewSelect } from "@/lib/members/invitation-view";
import { loadOpenInvitation } from "@/lib/members/load-invitation";

/**
 * Sends an open invitation again (expired ones too): a new token, so the old link stops working,
 * a new 7-day expiry, sendCount + 1, a new outbox email and an `invitation.resent` audit event,
 * in one transaction; the mail goes out after commit. Throws as `loadOpenInvitation`, and
 * conflict when it was accepted or revoked meanwhile.
 */
export async function resendInvitation(viewer: Viewer, id: string, now: Date = new Date()) {
  const current = await loadOpenInvitation(viewer, id);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  const result = await db.$transaction(async (tx) => {
    const moved = await tx.invitation.updateMany({
      where: { id, accountId: viewer.accountId, sendCount: current.sendCount, ...openInvitationWhere },
      data: { tokenHash, expiresAt, lastSentAt: now, sendCount: { increment: 1 } },
    });
    if (moved.count === 0) return null;
    const invitation = await tx.invitation.findFirstOrThrow({ where: { id }, select: invitationViewSelect });
    const account = await tx.account.findFirstOrThrow({ where: { id: viewer.accountId }, select: { name: true } });
    const deliveryId = await enqueueInvitationEmail(tx, {
      accountId: viewer.accountId, invitationId: id, sendCount: invitation.sendCount, email: invitation.email, role: invitation.role,
      teamName: account.name, inviterName: viewer.name, token, expiresAt,
    });
    await recordAudit(viewer, {
      action: "invitation.resent", targetType: "invitation", targetId: id,
      before: { expires_at: current.expiresAt.toISOString(), send_count: current.sendCount },
      after: { expires_at: expiresAt.toISOString(), send_count: invitation.sendCount },
    }, tx);
    return { invitation, deliveryId };
  }, { timeout: 10_000 });
  if (!result) throw conflict("This invitation changed while you were resending it. Reload to see where it is.");
  dispatchInvitationEmail(result.deliveryId);
  return invitationViewOf(result.invitation, result.invitation.invitedBy.name, now);
}
