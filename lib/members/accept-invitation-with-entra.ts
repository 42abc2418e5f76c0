import { db } from "@/lib/db";
import { createInvitedUser } from "@/lib/members/accept-invitation";
import { invitationState } from "@/lib/members/invitation-state";
import { runInSystemScope } from "@/lib/tenancy/scope";

/**
 * The Entra ID hook (A4): when someone signs in with Microsoft and no active user has their
 * (Entra-verified) email, accepts the newest open, unexpired invitation for that email — no
 * password — and returns the new user; null when there is none (the sign-in is refused).
 * Called from the Entra provider's sign-in callback.
 */
export async function acceptInvitationWithEntra(person: { email: string; name?: string | null }, now: Date = new Date()): Promise<{ id: string; accountId: string } | null> {
  const email = person.email.trim().toLowerCase();
  // The email's invitation may be in any account: that is what this lookup finds out.
  const candidates = await runInSystemScope("identity-lookup", () => db.invitation.findMany({
    where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSentAt: "desc" },
    take: 1,
    select: { id: true, accountId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { name: true } } },
  }));
  const invitation = candidates[0];
  if (!invitation || invitationState(invitation, now) !== "invited") return null;
  const open = { id: invitation.id, accountId: invitation.accountId, email: invitation.email, role: invitation.role, teamName: invitation.account.name, expiresAt: invitation.expiresAt };
  const user = await createInvitedUser(open, { name: person.name?.trim() || email, passwordHash: null }, now).catch(() => null);
  return user ? { id: user.id, accountId: user.accountId } : null;
}
