import { encode } from "next-auth/jwt";
import { openSignIn } from "@/lib/auth/sign-ins/open-sign-in";
import { sessionCookieName } from "@/lib/auth/session-cookie";

/** A session cookie for `userId` as sign-in issues it: a sign-in row, and a token naming it. */
export async function benchSessionCookie(user: { id: string; accountId: string }, secret: string): Promise<string> {
  const signInId = await openSignIn(user, "flowpilot-bench");
  const token = await encode({ token: { sub: user.id, accountId: user.accountId, signInId }, secret, salt: sessionCookieName });
  return `${sessionCookieName}=${token}`;
}
