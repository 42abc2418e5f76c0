import { hashPassword } from "@/lib/auth/password";
import { clearKeyAttempts, reserveKeyAttempt } from "@/lib/auth/sign-in-throttle";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { conflict, rateLimited } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { closedInvitation, findOpenInvitation, type OpenInvitation } from "@/lib/members/find-invitation-by-token";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { hashInvitationToken } from "@/lib/members/invitation-token";
import { EMAIL_TAKEN } from "@/lib/members/invite-member";
import type { AcceptInvitationInput } from "@/lib/members/schemas";

/** The sign-in throttle's key for attempts on one invitation link (its hash, never the token). */
export const acceptThrottleKey = (token: string) => `invite:${hashInvitationToken(token).slice(0, 32)}`;

/**
 * Accepts an invitation: creates the user in the invitation's account with its role, name and
 * an argon2id password, stamps the invitation accepted and writes `invitation.accepted` (acted
 * by the new user), in one transaction. Single use: a conditional update decides concurrent
 * accepts, so exactly one user is created. Attempts per link are throttled like sign-in from
 * one address (the link is its own secret: nobody without it can use up its attempts).
 * Throws rate_limited, not_found for a dead link (with the reason), conflict when the email
 * got a FlowPilot account meanwhile.
 */
export async function acceptInvitation(input: AcceptInvitationInput, now: Date = new Date()) {
  const key = acceptThrottleKey(input.token);
  const wait = await reserveKeyAttempt(key, now);
  if (wait > 0) throw rateLimited(`Too many attempts with this invitation link. Try again in ${wait} second${wait === 1 ? "" : "s"}.`);
  const invitation = await findOpenInvitation(input.token, now);
  const user = await createInvitedUser(invitation, { name: input.name, passwordHash: await hashPassword(input.password) }, now);
  await clearKeyAttempts(key);
  return { user, team: invitation.teamName };
}

/**
 * The shared end of accepting, by password or by Entra (`passwordHash` null). Throws not_found
 * when another accept (or a revoke, or a resend) got there first; conflict for a taken email.
 */
export async function createInvitedUser(invitation: OpenInvitation, person: { name: string; passwordHash: string | null }, now: Date) {
  try {
    // The invitation names its account: everything after the token lookup is that tenant's work.
    return await runInTenantScope(invitation.accountId, () => db.$transaction(async (tx) => {
      const taken = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (taken.count === 0) throw closedInvitation("accepted");
      const user = await tx.user.create({
        data: { accountId: invitation.accountId, email: invitation.email, name: person.name, role: invitation.role, passwordHash: person.passwordHash },
        select: { id: true, accountId: true, email: true, name: true, role: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
      await recordAudit({ accountId: user.accountId, userId: user.id }, {
        action: "invitation.accepted", targetType: "invitation", targetId: invitation.id, after: { user_id: user.id, email: user.email, role: user.role },
      }, tx);
      return user;
    }, { timeout: 10_000 }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(EMAIL_TAKEN);
    throw error;
  }
}
