import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAllSignIns, revokeSignIn } from "@/lib/auth/sign-ins/revoke-sign-ins";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadManagedMember } from "@/lib/members/member-guards";

/** Revokes one of the viewer's own sign-ins; `current` says the viewer just signed this browser out. */
export async function revokeMySignIn(viewer: Viewer, id: string) {
  if (!(await revokeSignIn(viewer, id))) throw notFound("Sign-in");
  return { id, revoked: true as const, current: id === viewer.signInId };
}

/** "Sign out everywhere": ends every sign-in of the viewer, this browser's too. */
export async function signOutEverywhere(viewer: Viewer) {
  const revoked = await db.$transaction(async (tx) => {
    const count = await revokeAllSignIns(viewer, { client: tx });
    await recordAudit(viewer, { action: "user.signed_out_everywhere", targetType: "user", targetId: viewer.userId, after: { sign_ins_ended: count } }, tx);
    return count;
  });
  return { revoked };
}

/**
 * An owner's (or, for engineers and viewers, an admin's) "Sign out everywhere" on a member: ends
 * every sign-in the member has. Throws as `loadManagedMember`.
 */
export async function signOutMemberEverywhere(viewer: Viewer, memberId: string) {
  const member = await loadManagedMember(viewer, memberId, "sign out");
  const revoked = await db.$transaction(async (tx) => {
    const count = await revokeAllSignIns({ userId: member.id, accountId: viewer.accountId }, { client: tx });
    await recordAudit(viewer, {
      action: "member.signed_out_everywhere", targetType: "user", targetId: member.id,
      before: { name: member.name, email: member.email }, after: { sign_ins_ended: count },
    }, tx);
    return count;
  });
  return { id: member.id, revoked };
}
