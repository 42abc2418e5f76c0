import { encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { runWithoutScope } from "@/lib/tenancy/scope";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  /** Signed in as this user id; omitted means signed out. */
  as?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** An object is sent as JSON; a string is sent verbatim (for malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
};

/**
 * The session cookie the app issues after sign-in, minted with the app's own secret and salt:
 * the user id, their account and a fresh sign-in row (an unknown id gets a random account and
 * sign-in, which find nobody).
 */
export async function sessionCookieFor(userId: string): Promise<string> {
  const user = await db.user.findFirst({ where: { id: userId }, select: { accountId: true } }).catch(() => null);
  const signIn = user && (await db.signIn.create({ data: { accountId: user.accountId, userId, userAgent: "route test" }, select: { id: true } }));
  const token = await encode({
    token: { sub: userId, accountId: user?.accountId ?? crypto.randomUUID(), signInId: signIn?.id ?? crypto.randomUUID() },
    secret: process.env.AUTH_SECRET!,
    salt: sessionCookieName,
  });
  return `${sessionCookieName}=${token}`;
}

/**
 * Calls an exported route handler the way Next does, with a real Request and params, and with no
 * data scope of the test's own: the handler's queries see only what its own scoping grants.
 */
export async function callRoute(handler: RouteHandler, method: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL("http://localhost:3000/api/test");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.as) headers.set("cookie", await sessionCookieFor(options.as));
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(url, { method, headers, body });
  return runWithoutScope(() => handler(request, { params: Promise.resolve(options.params ?? {}) }));
}
