"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { credentialsInput, signInRefusalMessage, type SignInRefusalReason } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { findUnsafeText } from "@/lib/http/unsafe-text";

export type SignInState = { error?: string; email?: string };

/** Signs in with email and password, then continues to the page the person was heading for. */
export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const unsafe = findUnsafeText(form)[0];
  // Nothing is echoed back: the refused character may be in the very field we'd echo.
  if (unsafe) return { error: unsafe.message };
  const parsed = credentialsInput.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const [reason, wait] = String((error as AuthError & { code?: string }).code ?? "").split(":");
      const known = ["invalid_credentials", "account_removed", "too_many_attempts"].includes(reason ?? "");
      return {
        error: signInRefusalMessage(known ? (reason as SignInRefusalReason) : "invalid_credentials", Number(wait) || undefined),
        email,
      };
    }
    throw error; // includes the redirect that signals success
  }
}

/** Starts Microsoft Entra ID sign-in. */
export async function signInWithEntra(form: FormData): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}
