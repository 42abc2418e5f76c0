import { db } from "@/lib/db";

/** Attempts allowed in a window before each further attempt has to wait. */
const FREE_ATTEMPTS = 5;
/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 5_000;
const MAX_WAIT_MS = 15 * 60_000;

type ThrottleRow = { failures: number; last_failure_at: Date; blocked_until: Date | null };

/**
 * Reserves one password check for `email`, counting it as a failure until the sign-in succeeds
 * (then `clearFailedSignIns`). The row lock makes parallel attempts queue, so at most
 * FREE_ATTEMPTS passwords are checked before the waits begin, doubling up to 15 minutes.
 * Returns the seconds to wait, or 0 when this attempt may go ahead.
 */
export async function reserveSignInAttempt(email: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO sign_in_throttles (email, failures, last_failure_at) VALUES (${email}, 0, ${now})
      ON CONFLICT (email) DO NOTHING`;
    const [row] = await tx.$queryRaw<ThrottleRow[]>`
      SELECT failures, last_failure_at, blocked_until FROM sign_in_throttles WHERE email = ${email} FOR UPDATE`;
    if (row?.blocked_until && row.blocked_until > now) {
      return Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000);
    }
    const stale = !row || now.getTime() - row.last_failure_at.getTime() > WINDOW_MS;
    const failures = stale ? 1 : row.failures + 1;
    const over = failures - FREE_ATTEMPTS;
    const blockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(FIRST_WAIT_MS * 2 ** over, MAX_WAIT_MS)) : null;
    await tx.$executeRaw`
      UPDATE sign_in_throttles SET failures = ${failures}, last_failure_at = ${now}, blocked_until = ${blockedUntil}
      WHERE email = ${email}`;
    return 0;
  });
}

/** Forgets the failures of `email` after a successful sign-in. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
