import { db, type Tx } from "@/lib/db";

/** The address of an email's counter across every address (never a client's: see client-address.ts). */
export const EVERY_ADDRESS = "*";

const WINDOW_MS = 15 * 60_000;
const FIRST_WAIT_MS = 5_000;
const MAX_WAIT_MS = 15 * 60_000;

type ThrottleRow = { failures: number; window_started_at: Date; last_failure_at: Date; blocked_until: Date | null; locked_at: Date | null; lockouts: number };

/** How many failures a counter allows before each further attempt waits, and when it forgets them. */
type Tier = { free: number; forgets: (row: ThrottleRow, now: Date) => boolean };

/** One client address: failures are forgotten once a window passes without one. */
const PER_ADDRESS: Tier = { free: 5, forgets: (row, now) => now.getTime() - row.last_failure_at.getTime() > WINDOW_MS };
/**
 * One email from every address: a fixed window, so a slow trickle from one address never adds up
 * to the ceiling, and a ceiling far above what one address can reach within a window.
 */
const PER_EMAIL: Tier = { free: 100, forgets: (row, now) => now.getTime() - row.window_started_at.getTime() > WINDOW_MS };

type Counter = { email: string; address: string; tier: Tier };

/** A lockout that refused its first attempt just now: report it (once per lockout). */
export type NewLockout = { address: string; failures: number; until: Date; lockouts: number };

export type SignInReservation = { wait: number; newLockout: NewLockout | null };

export type SignInKey = { email: string; address: string };

/**
 * Reserves one password check for `email` from `address`, counting it as a failure until the
 * sign-in succeeds (then `clearFailedSignIns`). Each (email, address) has 5 free failures, then
 * waits that double from 5 seconds to 15 minutes; the email across every address has 100 per
 * 15-minute window before everyone waits. So another address's failures never delay this one
 * below that ceiling. Row locks make parallel attempts queue. `wait` is the seconds to wait, or 0
 * when this attempt may go ahead.
 */
export function reserveSignInAttempt({ email, address }: SignInKey, now = new Date()): Promise<SignInReservation> {
  return reserve([{ email, address: EVERY_ADDRESS, tier: PER_EMAIL }, { email, address, tier: PER_ADDRESS }], now);
}

/** Forgets the failures of `email` from `address` after a successful sign-in, and takes its own attempt off the email's count. */
export async function clearFailedSignIns({ email, address }: SignInKey): Promise<void> {
  await db.$transaction([
    db.$executeRaw`DELETE FROM sign_in_throttles WHERE email = ${email} AND address = ${address}`,
    db.$executeRaw`UPDATE sign_in_throttles SET failures = failures - 1 WHERE email = ${email} AND address = ${EVERY_ADDRESS} AND failures > 0`,
    db.$executeRaw`DELETE FROM sign_in_throttles WHERE email = ${email} AND address = ${EVERY_ADDRESS} AND failures = 0 AND lockouts = 0`,
  ]);
}

/** Like reserveSignInAttempt for a key that is its own counter (an invitation link), throttled like one address. */
export async function reserveKeyAttempt(key: string, now = new Date()): Promise<number> {
  return (await reserve([{ email: key, address: EVERY_ADDRESS, tier: PER_ADDRESS }], now)).wait;
}

/** Forgets the failures of a key after it was used successfully. */
export async function clearKeyAttempts(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email: key, address: EVERY_ADDRESS } });
}

/**
 * Locks the counters one by one, always in the same order (so attempts never deadlock), refusing
 * at the first that is blocked; when none is, counts the attempt in each.
 */
function reserve(counters: Counter[], now: Date): Promise<SignInReservation> {
  return db.$transaction(async (tx) => {
    const rows: ThrottleRow[] = [];
    for (const counter of counters) {
      const row = await lockCounter(tx, counter, now);
      if ((row.blocked_until?.getTime() ?? 0) > now.getTime()) return refuse(tx, counter, row, now);
      rows.push(row);
    }
    for (const [index, counter] of counters.entries()) await countFailure(tx, counter, rows[index]!, now);
    return { wait: 0, newLockout: null };
  });
}

/** The counter's row, created when missing and locked either way (an upsert, so a concurrent delete can't slip between). */
async function lockCounter(tx: Tx, { email, address }: Counter, now: Date): Promise<ThrottleRow> {
  const [row] = await tx.$queryRaw<ThrottleRow[]>`
    INSERT INTO sign_in_throttles (email, address, failures, window_started_at, last_failure_at) VALUES (${email}, ${address}, 0, ${now}, ${now})
    ON CONFLICT (email, address) DO UPDATE SET failures = sign_in_throttles.failures
    RETURNING failures, window_started_at, last_failure_at, blocked_until, locked_at, lockouts`;
  return row!;
}

/** Refuses the attempt; the first refusal of a lockout marks it, so it is reported exactly once. */
async function refuse(tx: Tx, { email, address }: Counter, row: ThrottleRow, now: Date): Promise<SignInReservation> {
  const until = row.blocked_until!;
  const wait = Math.ceil((until.getTime() - now.getTime()) / 1000);
  if (row.locked_at) return { wait, newLockout: null };
  await tx.$executeRaw`
    UPDATE sign_in_throttles SET locked_at = ${now}, lockouts = lockouts + 1 WHERE email = ${email} AND address = ${address}`;
  return { wait, newLockout: { address, failures: row.failures, until, lockouts: row.lockouts + 1 } };
}

async function countFailure(tx: Tx, { email, address, tier }: Counter, row: ThrottleRow, now: Date): Promise<void> {
  const forgotten = tier.forgets(row, now);
  const failures = forgotten ? 1 : row.failures + 1;
  const over = failures - tier.free;
  const blockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(FIRST_WAIT_MS * 2 ** over, MAX_WAIT_MS)) : null;
  await tx.$executeRaw`
    UPDATE sign_in_throttles
    SET failures = ${failures}, last_failure_at = ${now}, blocked_until = ${blockedUntil},
        window_started_at = ${forgotten ? now : row.window_started_at}, locked_at = ${forgotten ? null : row.locked_at}
    WHERE email = ${email} AND address = ${address}`;
}
