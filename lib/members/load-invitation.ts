import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { manageRefusal } from "@/lib/members/role-rules";

/**
 * An invitation of the viewer's account that is still open and whose role the viewer manages.
 * Throws not_found outside the account, conflict once accepted or revoked, forbidden for an
 * admin touching an owner's or admin's invitation.
 */
export async function loadOpenInvitation(viewer: Viewer, id: string) {
  const invitation = await db.invitation.findFirst({
    where: { id, accountId: viewer.accountId },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, sendCount: true, expiresAt: true },
  });
  if (!invitation) throw notFound("Invitation");
  const refusal = manageRefusal(viewer.role, invitation.role);
  if (refusal) throw forbidden(refusal);
  if (invitation.acceptedAt) throw conflict("This invitation has already been accepted; the person is in your member list.");
  if (invitation.revokedAt) throw conflict("This invitation was revoked. Invite the person again to send a new link.");
  return invitation;
}
