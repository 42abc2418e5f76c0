import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * The signed-in user with their account, for `/api/v1/me` and the user menu. A request's viewer
 * already carries the account (read with the viewer's row); one built elsewhere reads it here.
 */
export async function getMe(viewer: Viewer) {
  const account =
    viewer.account ??
    (await db.account.findFirst({
      where: { id: viewer.accountId },
      select: { id: true, name: true, slug: true },
    }));
  if (!account) throw notFound("Account");
  return {
    id: viewer.userId,
    email: viewer.email,
    name: viewer.name,
    role: viewer.role,
    account,
  };
}
