import { withViewer } from "@/lib/http/with-viewer";
import { inviteMember } from "@/lib/members/invite-member";
import { inviteMemberInput } from "@/lib/members/schemas";
import { jsonResponse } from "@/lib/http/json-response";

/** A7: invites an email with a role; the mail goes out through the outbox (owner/admin). */
export const POST = withViewer("ownerOrAdmin", inviteMemberInput, async (viewer, input) =>
  jsonResponse(await inviteMember(viewer, input), { status: 201 }),
);
