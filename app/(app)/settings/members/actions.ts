"use server";

import { signOutMemberEverywhere } from "@/lib/auth/sign-ins/end-sign-ins";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { removeMember } from "@/lib/members/remove-member";
import { resendInvitation } from "@/lib/members/resend-invitation";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { changeRoleInput, invitationIdInput, inviteMemberInput, memberIdInput } from "@/lib/members/schemas";
import { ownerOrAdminAction } from "@/lib/safe-action";

// The members page refreshes itself (router.refresh) after each of these succeeds.

/** Settings → Members: "Invite" — email and role; the mail goes through the outbox (owner/admin). */
export const inviteMemberAction = ownerOrAdminAction
  .inputSchema(inviteMemberInput)
  .action(async ({ parsedInput, ctx }) => inviteMember(ctx.viewer, parsedInput));

/** Sends an open invitation again with a new link (owner/admin). */
export const resendInvitationAction = ownerOrAdminAction
  .inputSchema(invitationIdInput)
  .action(async ({ parsedInput, ctx }) => resendInvitation(ctx.viewer, parsedInput.id));

/** Revokes an open invitation (owner/admin). */
export const revokeInvitationAction = ownerOrAdminAction
  .inputSchema(invitationIdInput)
  .action(async ({ parsedInput, ctx }) => revokeInvitation(ctx.viewer, parsedInput.id));

/** Changes a member's role; it applies on their next request (owner/admin). */
export const changeMemberRoleAction = ownerOrAdminAction
  .inputSchema(changeRoleInput)
  .action(async ({ parsedInput, ctx }) => changeMemberRole(ctx.viewer, parsedInput));

/** Removes a member; unclaimed work they held returns to the queue (owner/admin). */
export const removeMemberAction = ownerOrAdminAction
  .inputSchema(memberIdInput)
  .action(async ({ parsedInput, ctx }) => removeMember(ctx.viewer, parsedInput.id));

/** Signs a member out of every browser; they must sign in again (owner/admin). */
export const signOutMemberEverywhereAction = ownerOrAdminAction
  .inputSchema(memberIdInput)
  .action(async ({ parsedInput, ctx }) => signOutMemberEverywhere(ctx.viewer, parsedInput.id));
