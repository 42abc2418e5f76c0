import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearKeyAttempts, reserveKeyAttempt } from "@/lib/auth/sign-in-throttle";
import { revokeAllSignIns } from "@/lib/auth/sign-ins/revoke-sign-ins";
import type { ChangePasswordInput } from "@/lib/auth/sign-ins/schemas";
import { db } from "@/lib/db";
import { conflict, invalid, rateLimited } from "@/lib/errors";

/**
 * Sets a new password after checking the current one, and ends every other sign-in of the user:
 * whoever else held a session (or a copied cookie) must sign in with the new password. The browser
 * that made the change stays signed in. Current-password checks are throttled per user like
 * sign-in, so a borrowed session can't guess the password here. Throws invalid for a wrong current
 * password, rate_limited after too many, conflict for a user who signs in with Microsoft only.
 */
export async function changePassword(viewer: Viewer, input: ChangePasswordInput, now: Date = new Date()) {
  const user = await db.user.findFirst({ where: { id: viewer.userId, accountId: viewer.accountId }, select: { passwordHash: true } });
  if (!user?.passwordHash) throw conflict("You sign in with Microsoft, so FlowPilot has no password of yours to change.");
  const throttleKey = `password-change:${viewer.userId}`;
  const wait = await reserveKeyAttempt(throttleKey, now);
  if (wait > 0) throw rateLimited(`Too many wrong passwords. Try again in ${wait} second${wait === 1 ? "" : "s"}.`);
  if (!(await verifyPassword(user.passwordHash, input.current_password))) throw invalid("Your current password is not right.");
  await clearKeyAttempts(throttleKey);
  if (input.new_password === input.current_password) throw invalid("Choose a new password that differs from the current one.");
  const passwordHash = await hashPassword(input.new_password);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: viewer.userId, accountId: viewer.accountId }, data: { passwordHash } });
    const count = await revokeAllSignIns(viewer, { keep: viewer.signInId, client: tx });
    await recordAudit(viewer, { action: "user.password_changed", targetType: "user", targetId: viewer.userId, after: { other_sign_ins_ended: count } }, tx);
    return count;
  });
  return { changed: true as const, other_sign_ins_ended: ended };
}
