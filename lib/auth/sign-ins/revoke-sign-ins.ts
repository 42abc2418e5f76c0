import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";

type SignedInUser = { userId: string; accountId: string };

/** Ends one sign-in of the user (sign-out, or a revoke in Settings → Security). True when it existed. */
export async function revokeSignIn(user: SignedInUser, signInId: string): Promise<boolean> {
  const { count } = await runInTenantScope(user.accountId, () =>
    db.signIn.deleteMany({ where: { id: signInId, userId: user.userId, accountId: user.accountId } }),
  );
  return count > 0;
}

/**
 * Ends every sign-in of the user, except `keep` when given (a password change keeps the browser
 * that made it). Pass the transaction of the change that causes it (removal, a new password) so
 * both commit together. Returns how many ended.
 */
export async function revokeAllSignIns(user: SignedInUser, options: { keep?: string; client?: Tx | typeof db } = {}): Promise<number> {
  const client = options.client ?? db;
  const where = { userId: user.userId, accountId: user.accountId, ...(options.keep ? { id: { not: options.keep } } : {}) };
  const { count } = await client.signIn.deleteMany({ where });
  return count;
}
