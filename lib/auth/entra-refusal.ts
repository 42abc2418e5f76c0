import { signInRefusalMessage } from "@/lib/auth/credentials";

/** Why a Microsoft sign-in was refused; the signIn callback sends it to /login as `?error=`. */
export type EntraRefusal = "entra_unknown" | "entra_removed" | "entra_tenant";

const messages: Record<EntraRefusal, string> = {
  entra_unknown: "No FlowPilot account uses that Microsoft account. Ask your team's owner for an invitation.",
  entra_removed: signInRefusalMessage("account_removed"),
  entra_tenant: "That Microsoft account belongs to another organization. Sign in with your work account.",
};

const INCOMPLETE = "Microsoft sign-in didn't complete. Try again, or sign in with your email and password.";

/**
 * The sentence the login page shows for its `?error=` value: ours from the signIn callback, or
 * next-auth's own (AccessDenied, OAuthCallbackError, Configuration…) when the flow broke.
 * Undefined when there is nothing to say; the password form reports its own refusals.
 */
export function entraRefusalMessage(error: string | undefined): string | undefined {
  if (!error || error === "CredentialsSignin") return undefined;
  return Object.hasOwn(messages, error) ? messages[error as EntraRefusal] : INCOMPLETE;
}
