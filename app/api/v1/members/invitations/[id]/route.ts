import { withViewer } from "@/lib/http/with-viewer";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { invitationIdInput } from "@/lib/members/schemas";

/** Revokes an open invitation; its link stops working (owner/admin). */
export const DELETE = withViewer("ownerOrAdmin", invitationIdInput, (viewer, input) => revokeInvitation(viewer, input.id));
