import { db } from "@/lib/db";
import { forbidden, unauthenticated } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { guardRefusal, roleAllows, type Guard } from "@/lib/auth/roles";

/** Who is asking: every service takes this and scopes its queries by `accountId`. */
export type Viewer = {
  userId: string;
  accountId: string;
  role: UserRole;
  email: string;
  name: string;
};

/**
 * Loads the viewer for a signed-in user id, re-reading role and removal on every request so a
 * demotion or removal takes effect at once. Throws unauthenticated for unknown or removed users,
 * forbidden when the role fails `guard`.
 */
export async function loadViewer(userId: string | undefined | null, guard: Guard): Promise<Viewer> {
  if (!userId) throw unauthenticated();
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { id: true, accountId: true, role: true, email: true, name: true },
  });
  if (!user) throw unauthenticated("Your sign-in is no longer valid. Sign in again.");
  if (!roleAllows(guard, user.role)) throw forbidden(guardRefusal(guard));
  return { userId: user.id, accountId: user.accountId, role: user.role, email: user.email, name: user.name };
}
