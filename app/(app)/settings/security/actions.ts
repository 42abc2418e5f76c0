"use server";

import { signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { revokeMySignIn } from "@/lib/auth/sign-ins/end-sign-ins";
import { changePasswordInput, signInIdInput } from "@/lib/auth/sign-ins/schemas";
import { signedInAction } from "@/lib/safe-action";

// The security page refreshes itself (router.refresh) after each of these succeeds.

/** Ends one of my sign-ins; ending this browser's own signs it out here and now. */
export const revokeSignInAction = signedInAction.inputSchema(signInIdInput).action(async ({ parsedInput, ctx }) => {
  const revoked = await revokeMySignIn(ctx.viewer, parsedInput.id);
  if (revoked.current) await signOut({ redirectTo: "/login" });
  return revoked;
});

/** Sets a new password; every other sign-in of mine ends. */
export const changePasswordAction = signedInAction
  .inputSchema(changePasswordInput)
  .action(async ({ parsedInput, ctx }) => changePassword(ctx.viewer, parsedInput));
