import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { InvitationState } from "@/lib/members/invitation-state";
import { invitationViewOf, invitationViewSelect } from "@/lib/members/invitation-view";

export type MemberView = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  state: "active" | "removed";
  last_sign_in_at: string | null;
  created_at: string;
};

export type InvitationView = {
  id: string;
  email: string;
  role: UserRole;
  state: InvitationState;
  invited_by: string;
  expires_at: string;
  last_sent_at: string;
  send_count: number;
  created_at: string;
};

/** Invitations older than this that are no longer open drop off the list (the audit keeps them). */
const CLOSED_INVITATION_DAYS = 30;

/**
 * Settings → Members: every user of the viewer's account (active first, then removed, each by
 * name) and its invitations that are open or closed in the last 30 days, newest first. Accepted
 * invitations are left out: their person is in the member list.
 */
export async function listMembers(viewer: Viewer, now: Date = new Date()) {
  const since = new Date(now.getTime() - CLOSED_INVITATION_DAYS * 24 * 60 * 60_000);
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      where: { accountId: viewer.accountId },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, role: true, deletedAt: true, lastSignInAt: true, createdAt: true },
    }),
    db.invitation.findMany({
      where: { accountId: viewer.accountId, acceptedAt: null, OR: [{ revokedAt: null }, { revokedAt: { gte: since } }] },
      orderBy: { createdAt: "desc" },
      select: invitationViewSelect,
    }),
  ]);
  const members: MemberView[] = users
    .map((user) => ({
      id: user.id, name: user.name, email: user.email, role: user.role,
      state: user.deletedAt ? ("removed" as const) : ("active" as const),
      last_sign_in_at: user.lastSignInAt?.toISOString() ?? null, created_at: user.createdAt.toISOString(),
    }))
    .sort((a, b) => Number(a.state === "removed") - Number(b.state === "removed"));
  return {
    members,
    invitations: invitations.map((row) => invitationViewOf(row, row.invitedBy.name, now)),
  };
}
