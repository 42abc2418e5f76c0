import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";
import type { SignedInIdentity } from "@/lib/auth/viewer";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";

type RequestHeaders = { headers: Headers };
type DecodedIdentity = { identity: NonNullable<SignedInIdentity>; expiresAt: number };

/**
 * Decoded session tokens by their cookie text. Decrypting one (key derivation, then AES through
 * WebCrypto) was a sixth of an API request's CPU, and a browser sends the same token on every
 * request. The answer depends on the token and the secret alone, so only the token's own expiry
 * ends an entry; who the viewer is now (role, removal, ended sign-in) is still read from the
 * database on every request. Tokens that fail to decode are never kept.
 */
const decodedTokens = new LRUCache<string, DecodedIdentity>({ max: 10_000 });

/** Who a request's session cookie says signed in (null without a valid cookie); the viewer load checks the rest. */
export async function readSignedInIdentity(request: RequestHeaders, now: number = Date.now()): Promise<SignedInIdentity> {
  const tokenText = sessionTokenText(request.headers);
  if (!tokenText) return null;
  const known = decodedTokens.get(tokenText);
  if (known) {
    if (known.expiresAt > now) return known.identity;
    decodedTokens.delete(tokenText);
  }
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: useSecureCookies, cookieName: sessionCookieName, salt: sessionCookieName });
  if (!token) return null;
  const identity = { userId: token.sub, accountId: token.accountId, signInId: token.signInId };
  if (typeof token.exp !== "number") return identity;
  if (token.exp * 1000 <= now) return null;
  decodedTokens.set(tokenText, { identity, expiresAt: token.exp * 1000 });
  return identity;
}

/**
 * The same, for a page render or server action, from the session cookie alone (as Auth.js's
 * `auth()` reads it, without its re-encoding of the token the render can't send back anyway).
 */
export function readCookieIdentity(cookieHeader: string | null, now?: number): Promise<SignedInIdentity> {
  return readSignedInIdentity({ headers: new Headers(cookieHeader ? { cookie: cookieHeader } : {}) }, now);
}

/**
 * The token text `getToken` would decode: the session cookie with its chunks (`name.0`, `name.1`,
 * …) as sent, else a bearer token; "" without either.
 */
function sessionTokenText(headers: Headers): string {
  const parts: string[] = [];
  for (const pair of headers.get("cookie")?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    if (separator < 0) continue;
    const name = pair.slice(0, separator).trim();
    if (name === sessionCookieName || name.startsWith(`${sessionCookieName}.`)) parts.push(`${name}=${pair.slice(separator + 1).trim()}`);
  }
  if (parts.length > 0) return parts.join(";");
  const authorization = headers.get("authorization") ?? "";
  return authorization.startsWith("Bearer ") ? authorization : "";
}
