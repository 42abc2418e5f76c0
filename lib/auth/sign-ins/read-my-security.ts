import type { Viewer } from "@/lib/auth/viewer";
import { signInViewOf, signInViewOrder, signInViewSelect, type SignInView } from "@/lib/auth/sign-ins/sign-in-view";
import { db } from "@/lib/db";

export type MySecurity = {
  sign_ins: SignInView[];
  /** False for people who sign in with Microsoft only: there is no password to change. */
  has_password: boolean;
};

/**
 * Settings → Security (the page and `GET /api/v1/me/sign-ins`) in one read: the viewer's open sign-ins (the most recently seen first) and
 * whether they have a password, so the page can explain instead of offering a form the server
 * would refuse. The hash itself never leaves this function.
 */
export async function readMySecurity(viewer: Viewer): Promise<MySecurity> {
  const user = await db.user.findFirst({
    where: { id: viewer.userId, accountId: viewer.accountId },
    select: {
      passwordHash: true,
      signIns: { where: { accountId: viewer.accountId }, orderBy: [...signInViewOrder], select: signInViewSelect },
    },
  });
  return {
    sign_ins: (user?.signIns ?? []).map((row) => signInViewOf(row, viewer)),
    has_password: Boolean(user?.passwordHash),
  };
}
