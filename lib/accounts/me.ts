import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The signed-in user with their account, for `/api/v1/me` and the user menu. */
export async function getMe(viewer: Viewer) {
  const account = await db.account.findFirst({
    where: { id: viewer.accountId },
    select: { id: true, name: true, slug: true },
  });
  if (!account) throw notFound("Account");
  return {
    id: viewer.userId,
    email: viewer.email,
    name: viewer.name,
    role: viewer.role,
    account,
  };
}
