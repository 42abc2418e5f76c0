import { db } from "@/lib/db";
import { forbidden, unauthenticated } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { guardRefusal, roleAllows, type Guard } from "@/lib/auth/roles";
import { isAccountId, runInTenantScope } from "@/lib/tenancy/scope";

/** Who is asking: every service takes this and scopes its queries by `accountId`. */
export type Viewer = {
  userId: string;
  accountId: string;
  role: UserRole;
  email: string;
  name: string;
};

/** Who the session cookie says signed in: the user and the account they signed in to. */
export type SignedInIdentity = { userId?: unknown; accountId?: unknown } | null | undefined;

/**
 * Loads the viewer for a signed-in identity, re-reading role and removal on every request so a
 * demotion or removal takes effect at once. The user is read in their account's data scope, so
 * a token naming another account finds nobody. Throws unauthenticated for unknown or removed
 * users (and for sessions from before the token carried the account), forbidden when the role
 * fails `guard`.
 */
export async function loadViewer(identity: SignedInIdentity, guard: Guard): Promise<Viewer> {
  const userId = identity?.userId;
  const accountId = identity?.accountId;
  if (typeof userId !== "string" || !userId) throw unauthenticated();
  if (!isAccountId(accountId)) throw unauthenticated("Your sign-in is no longer valid. Sign in again.");
  const user = await runInTenantScope(accountId, () =>
    db.user.findFirst({
      where: { id: userId, accountId, deletedAt: null },
      select: { id: true, accountId: true, role: true, email: true, name: true },
    }),
  );
  if (!user) throw unauthenticated("Your sign-in is no longer valid. Sign in again.");
  if (!roleAllows(guard, user.role)) throw forbidden(guardRefusal(guard));
  return { userId: user.id, accountId: user.accountId, role: user.role, email: user.email, name: user.name };
}
