import { db } from "@/lib/db";

/** Records a successful sign-in (password or Entra) as the member's "last sign-in". Never throws. */
export async function stampSignIn(userId: string, now: Date = new Date()): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { lastSignInAt: now } }).catch((error: unknown) => {
    console.error(JSON.stringify({ event: "members.stamp_sign_in_failed", user_id: userId, error: String(error) }));
  });
}
