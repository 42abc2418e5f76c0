import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";

/** The longest User-Agent kept: enough to name a browser, not a place to store a payload. */
const USER_AGENT_LIMIT = 512;

/**
 * Records one sign-in of `user` from a browser and returns its id, which the session token
 * carries. Runs in the user's own account.
 */
export async function openSignIn(user: { id: string; accountId: string }, userAgent: string | null | undefined): Promise<string> {
  const row = await runInTenantScope(user.accountId, () =>
    db.signIn.create({
      data: { accountId: user.accountId, userId: user.id, userAgent: userAgent?.slice(0, USER_AGENT_LIMIT) || null },
      select: { id: true },
    }),
  );
  return row.id;
}
