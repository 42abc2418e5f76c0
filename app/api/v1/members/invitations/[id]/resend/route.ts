import { withViewer } from "@/lib/http/with-viewer";
import { resendInvitation } from "@/lib/members/resend-invitation";
import { invitationIdInput } from "@/lib/members/schemas";

/** Sends an open invitation again with a new link and a new 7-day expiry; the old link dies (owner/admin). */
export const POST = withViewer("ownerOrAdmin", invitationIdInput, (viewer, input) => resendInvitation(viewer, input.id));
