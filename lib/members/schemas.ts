import { z } from "zod";
const roleField = z.enum(["owner", "admin", "engineer", "viewer"], "Role is owner, admin, engineer or viewer.");
const id = (what: string) => z.uuid(`That is not a valid ${what} id.`);

/** Invite: the email is compared and stored lower-cased. */
export const inviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  role: roleField,
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const invitationIdInput = z.object({ id: id("invitation") });
export const memberIdInput = z.object({ id: id("member") });

export const changeRoleInput = z.object({ id: id("member"), role: roleField });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const MIN_PASSWORD_LENGTH = 12;

/** What a new member sets when accepting: their name and a password. */
export const acceptInvitationFields = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Keep the password under 200 characters."),
});

export const acceptInvitationInput = acceptInvitationFields.extend({
  token: z.string().min(16, "This invitation link isn't valid.").max(200, "This invitation link isn't valid."),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
