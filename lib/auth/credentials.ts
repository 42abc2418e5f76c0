import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { clearFailedSignIns, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { reportSignInLockout } from "@/lib/auth/sign-in-throttle-report";
import { stampSignIn } from "@/lib/members/stamp-sign-in";
import { runInSystemScope } from "@/lib/tenancy/scope";

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
});

export type SignInRefusalReason = "invalid_credentials" | "account_removed" | "too_many_attempts";

const refusalMessages: Record<SignInRefusalReason, string> = {
  invalid_credentials: "That email and password don't match an account.",
  account_removed: "This account has been removed from its team. Ask your team owner to restore it.",
  too_many_attempts: "Too many failed sign-ins. Wait a moment and try again.",
};

/** Why a sign-in was refused, in words for the person signing in. */
export function signInRefusalMessage(reason: SignInRefusalReason, retryAfterSeconds?: number): string {
  if (reason === "too_many_attempts" && retryAfterSeconds) {
    return `Too many failed sign-ins. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
  }
  return refusalMessages[reason];
}

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusalReason,
    readonly retryAfterSeconds?: number,
  ) {
    super(signInRefusalMessage(reason, retryAfterSeconds));
  }
}

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("decoy-password-never-matches"));

export type SignedInUser = { id: string; accountId: string; role: string; email: string; name: string };

/** Where the attempt comes from (lib/auth/client-address.ts), and the clock. */
export type SignInContext = { address?: string; now?: Date };

/**
 * Checks an email and password from `address`. Throws SignInRefused when the email is throttled
 * from that address (or from every address), the pair is wrong, or the (correctly identified)
 * user has been removed. A lockout's first refusal is logged and audited.
 */
export async function verifyCredentials(input: unknown, { address = UNKNOWN_ADDRESS, now = new Date() }: SignInContext = {}): Promise<SignedInUser> {
  const parsed = credentialsInput.safeParse(input);
  if (!parsed.success) throw new SignInRefused("invalid_credentials");
  const { email, password } = parsed.data;

  const { wait, newLockout } = await reserveSignInAttempt({ email, address }, now);
  if (newLockout) await reportSignInLockout(email, newLockout);
  if (wait > 0) throw new SignInRefused("too_many_attempts", wait);

  const user = await runInSystemScope("identity-lookup", () => db.user.findFirst({ where: { email }, omit: { passwordHash: false } }));
  // Unknown emails still pay for one argon2 check, so timing doesn't reveal which accounts exist.
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user?.passwordHash || !matches) throw new SignInRefused("invalid_credentials");
  await clearFailedSignIns({ email, address });
  // Only someone who knows the password learns the account was removed.
  if (user.deletedAt) throw new SignInRefused("account_removed");
  await stampSignIn(user);
  return { id: user.id, accountId: user.accountId, role: user.role, email: user.email, name: user.name };
}
