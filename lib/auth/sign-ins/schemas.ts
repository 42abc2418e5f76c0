import { z } from "zod";
import { acceptInvitationFields } from "@/lib/members/schemas";

export const signInIdInput = z.object({ id: z.uuid("That is not a valid sign-in id.") });

/** Settings → Security: the password in use, and the new one under the invitation's rules. */
export const changePasswordInput = z.object({
  current_password: z.string().min(1, "Enter your current password.").max(200, "Keep the password under 200 characters."),
  new_password: acceptInvitationFields.shape.password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
