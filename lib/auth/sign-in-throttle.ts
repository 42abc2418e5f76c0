import { db } from "@/lib/db";

/** Failures allowed before each further attempt has to wait. */
const FREE_FAILURES = 5;
/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60_000;
const MAX_WAIT_MS = 15 * 60_000;

/** Seconds until `email` may try again, or 0 when it may try now. */
export async function secondsUntilAllowed(email: string, now = new Date()): Promise<number> {
  const row = await db.signInThrottle.findUnique({ where: { email } });
  if (!row?.blockedUntil || row.blockedUntil <= now) return 0;
  return Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000);
}

/** Records a failed attempt; past the free failures the wait doubles each time, up to 15 minutes. */
export async function recordFailedSignIn(email: string, now = new Date()): Promise<void> {
  const row = await db.signInThrottle.findUnique({ where: { email } });
  const stale = !row || now.getTime() - row.lastFailureAt.getTime() > WINDOW_MS;
  const failures = stale ? 1 : row.failures + 1;
  const over = failures - FREE_FAILURES;
  const blockedUntil = over > 0 ? new Date(now.getTime() + Math.min(1000 * 2 ** (over - 1), MAX_WAIT_MS)) : null;
  await db.signInThrottle.upsert({
    where: { email },
    create: { email, failures, lastFailureAt: now, blockedUntil },
    update: { failures, lastFailureAt: now, blockedUntil },
  });
}

/** Forgets the failures of `email` after a successful sign-in. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
