import { getToken } from "next-auth/jwt";
import type { SignedInIdentity } from "@/lib/auth/viewer";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";

/** Who a request's session cookie says signed in (null without a valid cookie); the viewer load checks the rest. */
export async function readSignedInIdentity(request: Request): Promise<SignedInIdentity> {
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: useSecureCookies, cookieName: sessionCookieName, salt: sessionCookieName });
  return token && { userId: token.sub, accountId: token.accountId, signInId: token.signInId };
}
