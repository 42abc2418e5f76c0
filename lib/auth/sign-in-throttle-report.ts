import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { maskAddress } from "@/lib/auth/client-address";
import { EVERY_ADDRESS, type NewLockout } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { runInSystemScope, runInTenantScope } from "@/lib/tenancy/scope";

/** An email as logs name it: enough to tell lockouts of one email apart, not the address itself. */
export const emailHash = (email: string) => createHash("sha256").update(email).digest("hex").slice(0, 12);

/**
 * Reports a lockout once, when it first refuses an attempt: one `auth.sign_in_locked` log line
 * (the email as a short hash, the address masked) and, when the email is a user's, a
 * `sign_in.locked_out` audit event in that user's account, acted by nobody (FlowPilot). Never
 * throws: the refusal it describes stands either way.
 */
export async function reportSignInLockout(email: string, lockout: NewLockout): Promise<void> {
  const everyAddress = lockout.address === EVERY_ADDRESS;
  const after = {
    email,
    scope: everyAddress ? "every_address" : "address",
    address: everyAddress ? null : maskAddress(lockout.address),
    failures: lockout.failures,
    until: lockout.until.toISOString(),
  };
  const { scope, address, failures, until } = after;
  console.warn(JSON.stringify({ event: "auth.sign_in_locked", email_hash: emailHash(email), scope, address, failures, until, lockouts: lockout.lockouts }));
  try {
    // Sign-in is by email alone, so whose account it is can only be found across tenants.
    const user = await runInSystemScope("identity-lookup", () => db.user.findFirst({ where: { email }, select: { id: true, accountId: true } }));
    if (!user) return;
    await runInTenantScope(user.accountId, () =>
      recordAudit({ accountId: user.accountId, userId: null }, { action: "sign_in.locked_out", targetType: "user", targetId: user.id, after }),
    );
  } catch (error) {
    console.error(JSON.stringify({ event: "auth.sign_in_lock_audit_failed", email_hash: emailHash(email), message: error instanceof Error ? error.message : String(error) }));
  }
}
