import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { loadManagedMember, refuseLastOwner } from "@/lib/members/member-guards";
import { manageRefusal } from "@/lib/members/role-rules";
import type { ChangeRoleInput } from "@/lib/members/schemas";

/**
 * Gives a member a new role. It applies on their next request: the viewer is re-read on every
 * request (and the escalation stream re-checks it at each heartbeat). Writes `member.role_changed`
 * with the roles before and after. Throws as `loadManagedMember`; forbidden when the viewer may
 * not grant `role`; conflict for the last owner, or when the member changed meanwhile.
 */
export async function changeMemberRole(viewer: Viewer, input: ChangeRoleInput) {
  const member = await loadManagedMember(viewer, input.id, "change the role of");
  const refusal = manageRefusal(viewer.role, input.role);
  if (refusal) throw forbidden(refusal);
  if (member.role === input.role) return { id: member.id, role: member.role };
  return db.$transaction(async (tx) => {
    if (member.role === "owner") await refuseLastOwner(tx, viewer.accountId, member.id);
    const moved = await tx.user.updateMany({
      where: { id: member.id, accountId: viewer.accountId, role: member.role, deletedAt: null },
      data: { role: input.role },
    });
    if (moved.count === 0) throw conflict(`${member.name} changed while you were editing. Reload to see their current role.`);
    await recordAudit(viewer, { action: "member.role_changed", targetType: "user", targetId: member.id, before: { role: member.role }, after: { role: input.role } }, tx);
    return { id: member.id, role: input.role };
  }, { timeout: 10_000 });
}
