import { db } from "@/lib/db";
import { AppError, withPublicDetails } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { invitationState, type InvitationState } from "@/lib/members/invitation-state";
import { hashInvitationToken } from "@/lib/members/invitation-token";
import { runInSystemScope } from "@/lib/tenancy/scope";

export type ClosedReason = Exclude<InvitationState, "invited"> | "unknown";

const closedMessages: Record<ClosedReason, string> = {
  unknown: "This invitation link isn't valid. Check the link in your email, or ask your team owner for a new invitation.",
  expired: "This invitation has expired. Ask your team owner or admin to resend it.",
  revoked: "This invitation was withdrawn. Ask your team owner or admin for a new one.",
  accepted: "This invitation has already been used. Sign in with the account you created.",
};

/** A dead link: 404 with a sentence saying why and `details.reason` for the page. */
export function closedInvitation(reason: ClosedReason): AppError {
  return withPublicDetails(new AppError("not_found", closedMessages[reason]), { reason });
}

export type OpenInvitation = { id: string; accountId: string; email: string; role: UserRole; teamName: string; expiresAt: Date };

/**
 * The open invitation a token opens, for the public accept page. Throws not_found (with the
 * reason) for an unknown, expired, revoked or used link; a resent invitation's old token is unknown.
 */
export async function findOpenInvitation(token: string, now: Date = new Date()): Promise<OpenInvitation> {
  const invitation = await runInSystemScope("invitation-token", () => db.invitation.findFirst({
    where: { tokenHash: hashInvitationToken(token) },
    select: { id: true, accountId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { name: true } } },
  }));
  if (!invitation) throw closedInvitation("unknown");
  const state = invitationState(invitation, now);
  if (state !== "invited") throw closedInvitation(state);
  return { id: invitation.id, accountId: invitation.accountId, email: invitation.email, role: invitation.role, teamName: invitation.account.name, expiresAt: invitation.expiresAt };
}
