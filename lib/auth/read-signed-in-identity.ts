import { getToken } from "next-auth/jwt";
import type { SignedInIdentity } from "@/lib/auth/viewer";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";

type RequestHeaders = { headers: Headers };

/** Who a request's session cookie says signed in (null without a valid cookie); the viewer load checks the rest. */
export async function readSignedInIdentity(request: RequestHeaders): Promise<SignedInIdentity> {
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: useSecureCookies, cookieName: sessionCookieName, salt: sessionCookieName });
  return token && { userId: token.sub, accountId: token.accountId, signInId: token.signInId };
}

/**
 * The same, for a page render or server action, from the session cookie alone (as Auth.js's
 * `auth()` reads it, without its re-encoding of the token the render can't send back anyway).
 */
export function readCookieIdentity(cookieHeader: string | null): Promise<SignedInIdentity> {
  return readSignedInIdentity({ headers: new Headers(cookieHeader ? { cookie: cookieHeader } : {}) });
}
