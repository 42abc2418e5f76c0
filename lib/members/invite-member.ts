import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dispatchInvitationEmail } from "@/lib/members/dispatch-invitation-email";
import { enqueueInvitationEmail } from "@/lib/members/invitation-email";
import { openInvitationWhere } from "@/lib/members/invitation-state";
import { invitationExpiry, newInvitationToken } from "@/lib/members/invitation-token";
import { manageRefusal } from "@/lib/members/role-rules";
import type { InviteMemberInput } from "@/lib/members/schemas";
import { runInSystemScope } from "@/lib/tenancy/scope";
import { invitationViewOf } from "@/lib/members/invitation-view";

export const EMAIL_TAKEN = "That email already has a FlowPilot account.";
const ALREADY_INVITED = "That email already has an open invitation to your team. Resend it instead of inviting again.";

/**
 * Invites `input.email` to the viewer's account as `input.role`: the invitation (token hashed,
 * expiring in 7 days), its email in the outbox and an `invitation.sent` audit event commit
 * together; the mail is sent after commit. Throws forbidden when the viewer may not grant the
 * role, conflict when the email already belongs to a user of any account or has an open
 * invitation here.
 */
export async function inviteMember(viewer: Viewer, input: InviteMemberInput, now: Date = new Date()) {
  const refusal = manageRefusal(viewer.role, input.role);
  if (refusal) throw forbidden(refusal);
  // Emails are unique across tenants (sign-in is by email alone), so the check looks at all of them.
  const taken = await runInSystemScope("identity-lookup", () => db.user.findFirst({ where: { email: input.email }, select: { id: true } }));
  if (taken) throw conflict(EMAIL_TAKEN);
  if (await db.invitation.findFirst({ where: { accountId: viewer.accountId, email: input.email, ...openInvitationWhere }, select: { id: true } })) {
    throw conflict(ALREADY_INVITED);
  }
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  try {
    const { invitation, deliveryId } = await db.$transaction(async (tx) => {
      const account = await tx.account.findFirstOrThrow({ where: { id: viewer.accountId }, select: { name: true } });
      const invitation = await tx.invitation.create({
        data: { accountId: viewer.accountId, email: input.email, role: input.role, tokenHash, invitedById: viewer.userId, expiresAt, lastSentAt: now },
        select: { id: true, email: true, role: true, expiresAt: true, lastSentAt: true, sendCount: true, acceptedAt: true, revokedAt: true, createdAt: true },
      });
      const deliveryId = await enqueueInvitationEmail(tx, {
        accountId: viewer.accountId, invitationId: invitation.id, sendCount: invitation.sendCount, email: input.email, role: input.role,
        teamName: account.name, inviterName: viewer.name, token, expiresAt,
      });
      await recordAudit(viewer, { action: "invitation.sent", targetType: "invitation", targetId: invitation.id, after: { email: input.email, role: input.role } }, tx);
      return { invitation, deliveryId };
    }, { timeout: 10_000 });
    dispatchInvitationEmail(deliveryId);
    return invitationViewOf(invitation, viewer.name, now);
  } catch (error) {
    // The partial unique index decides a race between two invites of one email.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(ALREADY_INVITED);
    throw error;
  }
}
