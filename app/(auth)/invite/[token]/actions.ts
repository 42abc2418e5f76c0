"use server";

import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { findUnsafeText } from "@/lib/http/unsafe-text";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptInvitationFields } from "@/lib/members/schemas";

export type AcceptState = { error?: string; name?: string };

/**
 * The accept form: checks the two passwords match, accepts the invitation (creating the member),
 * then signs them in with the new password and lands on /pilot. Refusals come back as `error`.
 */
export async function acceptInvitationAndSignIn(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  const name = String(form.get("name") ?? "");
  const unsafe = findUnsafeText(form)[0];
  // Nothing is echoed back: the refused character may be in the very field we'd echo.
  if (unsafe) return { error: unsafe.message };
  const parsed = acceptInvitationFields.safeParse({ name, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, name };
  if (form.get("confirm") !== parsed.data.password) return { error: "The two passwords don't match.", name };
  let email: string;
  try {
    email = (await acceptInvitation({ token, ...parsed.data })).user.email;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, name };
    throw error;
  }
  // Throws the redirect that signals success.
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/pilot" });
  return {};
}

/**
 * "Sign in with Microsoft" on the invitation page: the Entra sign-in callback accepts the open
 * invitation of the Microsoft account's email (acceptInvitationWithEntra) and lands on /pilot.
 */
export async function acceptInvitationWithMicrosoft(): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: "/pilot" });
}
