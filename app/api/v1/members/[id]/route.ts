import { withViewer } from "@/lib/http/with-viewer";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changeRoleInput, memberIdInput } from "@/lib/members/schemas";

/** Changes a member's role `{ role }`; it applies on their next request (owner/admin, A7). */
export const PATCH = withViewer("ownerOrAdmin", changeRoleInput, (viewer, input) => changeMemberRole(viewer, input));

/** Removes a member (soft delete); unclaimed work they held returns to the queue (owner/admin, A1). */
export const DELETE = withViewer("ownerOrAdmin", memberIdInput, (viewer, input) => removeMember(viewer, input.id));
