import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { manageRefusal } from "@/lib/members/role-rules";

const selfRefusal = {
  "change the role of": "You can't change your own role; ask another owner.",
  remove: "You can't remove yourself; ask another owner or admin.",
  "sign out": "Use \"Sign out everywhere\" in your own menu to end your own sign-ins.",
} as const;

export const LAST_OWNER = "Your team needs at least one owner. Make someone else an owner first.";

/**
 * A member of the viewer's account the viewer may manage. Throws not_found outside the account,
 * invalid for the viewer themself (nobody changes their own role or removes themself), conflict
 * for a removed member, forbidden for an admin touching an owner or admin.
 */
export async function loadManagedMember(viewer: Viewer, id: string, action: "change the role of" | "remove" | "sign out") {
  const member = await db.user.findFirst({
    where: { id, accountId: viewer.accountId },
    select: { id: true, name: true, email: true, role: true, deletedAt: true },
  });
  if (!member) throw notFound("Member");
  if (member.id === viewer.userId) {
    throw invalid(selfRefusal[action]);
  }
  if (member.deletedAt) throw conflict(`${member.name} has already been removed from your team.`);
  const refusal = manageRefusal(viewer.role, member.role);
  if (refusal) throw forbidden(refusal);
  return member;
}

/**
 * Inside the change's transaction: locks the account's active owners (so two owners demoting
 * each other at once can't leave none) and throws conflict when `memberId` is the last of them.
 */
export async function refuseLastOwner(tx: Tx, accountId: string, memberId: string): Promise<void> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE account_id = ${accountId}::uuid AND role = 'owner' AND deleted_at IS NULL FOR UPDATE`;
  if (owners.length <= 1 && owners.some((owner) => owner.id === memberId)) throw conflict(LAST_OWNER);
}
