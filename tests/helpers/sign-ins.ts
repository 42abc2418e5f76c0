import { db } from "@/lib/db";
import type { SignedInIdentity } from "@/lib/auth/viewer";
import type { TestUser } from "@/tests/helpers/tenant";

/** What a session cookie for `user` names after a fresh sign-in: a new sign-in row included. */
export async function signedInIdentity(user: Pick<TestUser, "id" | "accountId">, userAgent = "identity test"): Promise<{ userId: string; accountId: string; signInId: string }> {
  const signIn = await db.signIn.create({ data: { accountId: user.accountId, userId: user.id, userAgent }, select: { id: true } });
  return { userId: user.id, accountId: user.accountId, signInId: signIn.id } satisfies SignedInIdentity;
}
