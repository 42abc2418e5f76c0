import type { UserRole } from "@/lib/generated/prisma/enums";

export const roleLabel: Record<UserRole, string> = { owner: "Owner", admin: "Admin", engineer: "Engineer", viewer: "Viewer" };

/** What each role may do, for the invite dialog's help text. */
export const roleSummary: Record<UserRole, string> = {
  owner: "everything, including other owners",
  admin: "settings, and engineers and viewers",
  engineer: "sessions and escalations",
  viewer: "reads the team's sessions",
};
