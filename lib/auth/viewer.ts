import { queryPreparedRows } from "@/lib/db";
import { forbidden, unauthenticated } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { guardRefusal, roleAllows, type Guard } from "@/lib/auth/roles";
import { isUuid, runInTenantScope } from "@/lib/tenancy/scope";

/** Who is asking: every service takes this and scopes its queries by `accountId`. */
export type Viewer = {
  userId: string;
  accountId: string;
  role: UserRole;
  email: string;
  name: string;
  /** The sign-in (browser) the request came with; absent for viewers built outside a request. */
  signInId?: string;
  /** Their account's name and slug, read in the same statement; absent for viewers built outside a request. */
  account?: ViewerAccount;
};

export type ViewerAccount = { id: string; name: string; slug: string };

/** Who the session cookie says signed in: the user, their account and the sign-in's row. */
export type SignedInIdentity = { userId?: unknown; accountId?: unknown; signInId?: unknown } | null | undefined;

/** A sign-in's "last seen" is refreshed at most this often, so most requests write nothing. */
export const LAST_SEEN_GRANULARITY_MS = 5 * 60_000;

const SIGNED_OUT = "Your sign-in is no longer valid. Sign in again.";

// The columns are UTC wall times without a zone (Prisma's DateTime); pg would send a Date in local time.
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

type ViewerRow = { id: string; accountId: string; role: UserRole; email: string; name: string; accountName: string; accountSlug: string };

/**
 * Loads the viewer for a signed-in identity, re-reading role and removal on every request so a
 * demotion or removal takes effect at once, and refusing a token whose sign-in was ended (signed
 * out, revoked, or the user signed out everywhere). One statement: the user row, the sign-in's
 * existence, the account's name, and a "last seen" refresh when the stored one is older than the
 * granularity; sent straight to the pool as a prepared statement (queryPreparedRows), as every request pays for it. It runs
 * in the identity's account, so a token naming another account finds nobody. Throws
 * unauthenticated for all of those, forbidden when the role fails `guard`.
 */
export async function loadViewer(identity: SignedInIdentity, guard: Guard, now: Date = new Date()): Promise<Viewer> {
  return guardViewer(await readViewer(identity, now), guard);
}

/** Throws forbidden when the viewer's role fails `guard`; returns the viewer otherwise. */
export function guardViewer(viewer: Viewer, guard: Guard): Viewer {
  if (!roleAllows(guard, viewer.role)) throw forbidden(guardRefusal(guard));
  return viewer;
}

/** The user and account a signed-in identity names, once its ids are well formed. */
export type ViewerIds = { userId: string; accountId: string };

/** `loadViewer` without the role check: who the identity is now, or unauthenticated. */
export async function readViewer(identity: SignedInIdentity, now: Date = new Date()): Promise<Viewer> {
  return (await readViewerStatement<never>(identity, now)).viewer;
}

/**
 * `readViewer` with a route's first read sent in the same statement, saving its round trip:
 * `firstRead` builds it from the identity's user and account, and it runs only when that user is
 * found. Its first row comes back as `first` (null when it finds none), decoded from JSON: write
 * it with camelCase aliases, and expect timestamps as strings. The role is not known when it
 * runs, so it must be the read for the roles the route's guard lets through.
 */
export function readViewerWithFirstRead<Row>(identity: SignedInIdentity, firstRead: (ids: ViewerIds) => Prisma.Sql, now: Date = new Date()) {
  return readViewerStatement<Row>(identity, now, firstRead);
}

async function readViewerStatement<Row>(identity: SignedInIdentity, now: Date, firstRead?: (ids: ViewerIds) => Prisma.Sql): Promise<{ viewer: Viewer; first: Row | null }> {
  const userId = identity?.userId;
  const accountId = identity?.accountId;
  const signInId = identity?.signInId;
  if (typeof userId !== "string" || !userId) throw unauthenticated();
  if (!isUuid(userId) || !isUuid(accountId) || !isUuid(signInId)) throw unauthenticated(SIGNED_OUT);
  const staleBefore = new Date(now.getTime() - LAST_SEEN_GRANULARITY_MS);
  const first = firstRead ? Prisma.sql`, (SELECT to_jsonb(f) FROM (${firstRead({ userId, accountId })}) f LIMIT 1) AS first` : Prisma.empty;
  const [user] = await runInTenantScope(accountId, () =>
    queryPreparedRows<ViewerRow & { first?: Row | null }>(Prisma.sql`
      WITH seen AS (
        UPDATE sign_ins SET last_seen_at = ${utc(now)}
        WHERE id = ${signInId}::uuid AND user_id = ${userId}::uuid AND last_seen_at < ${utc(staleBefore)}
      )
      SELECT u.id, u.account_id AS "accountId", u.role::text AS role, u.email, u.name,
        a.name AS "accountName", a.slug AS "accountSlug"${first}
      FROM users u
      JOIN accounts a ON a.id = u.account_id
      WHERE u.id = ${userId}::uuid AND u.account_id = ${accountId}::uuid AND u.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM sign_ins s WHERE s.id = ${signInId}::uuid AND s.user_id = u.id)`),
  );
  if (!user) throw unauthenticated(SIGNED_OUT);
  const viewer: Viewer = {
    userId: user.id,
    accountId: user.accountId,
    role: user.role,
    email: user.email,
    name: user.name,
    signInId,
    account: { id: user.accountId, name: user.accountName, slug: user.accountSlug },
  };
  return { viewer, first: user.first ?? null };
}
