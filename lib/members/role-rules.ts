import type { UserRole } from "@/lib/generated/prisma/enums";

/**
 * SPEC A7: owners manage everyone and grant any role; admins manage engineers and viewers only
 * and grant only those. Pure, so the page disables what the server would refuse.
 */
const managedBy: Record<UserRole, readonly UserRole[]> = {
  owner: ["owner", "admin", "engineer", "viewer"],
  admin: ["engineer", "viewer"],
  engineer: [],
  viewer: [],
};

/** True when an `actor` may change, remove or invite someone holding (or getting) `role`. */
export function canManageRole(actor: UserRole, role: UserRole): boolean {
  return managedBy[actor].includes(role);
}

/** The roles `actor` may hand out, in the order a picker lists them. */
export function grantableRoles(actor: UserRole): UserRole[] {
  return [...managedBy[actor]];
}

/** Why `actor` can't touch someone with `role`, as the person reads it; null when they can. */
export function manageRefusal(actor: UserRole, role: UserRole): string | null {
  if (canManageRole(actor, role)) return null;
  if (actor === "admin") return "Admins manage engineers and viewers only; ask an owner to change owners and admins.";
  return "Only owners and admins manage members.";
}
