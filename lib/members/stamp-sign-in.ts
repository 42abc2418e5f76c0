import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";

/** Records a successful sign-in (password or Entra) as the member's "last sign-in". Never throws. */
export async function stampSignIn(user: { id: string; accountId: string }, now: Date = new Date()): Promise<void> {
  await runInTenantScope(user.accountId, () => db.user.updateMany({ where: { id: user.id }, data: { lastSignInAt: now } })).catch((error: unknown) => {
    console.error(JSON.stringify({ event: "members.stamp_sign_in_failed", user_id: user.id, error: String(error) }));
  });
}
