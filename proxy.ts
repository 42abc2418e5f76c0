import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { createNonce, isHttpsRequest, pageSecurityHeaders } from "@/lib/http/security-headers";

/** Pages a signed-out person may open: signing in, and accepting an invitation (they have no account yet). */
const openPages = /^\/(?:login(?:\/|$)|invite\/)/;

/**
 * Next 16's request boundary (formerly middleware.ts). It gives every page request its own CSP
 * nonce (Next reads the policy from the request headers and stamps the nonce on its scripts), and
 * sends signed-out requests for protected pages to the login page with their destination. It is
 * never the only gate: every page, action and route still checks the viewer.
 */
export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https: isHttpsRequest(request.url, request.headers.get("x-forwarded-proto")),
  });
  const response = needsSignIn(request) ? redirectToLogin(request) : nextWithPolicy(request, headers);
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

function needsSignIn(request: NextRequest): boolean {
  return !openPages.test(request.nextUrl.pathname) && !request.cookies.has(sessionCookieName);
}

function redirectToLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

function nextWithPolicy(request: NextRequest, headers: { key: string; value: string }[]) {
  const forwarded = new Headers(request.headers);
  const policy = headers.find(({ key }) => key === "Content-Security-Policy");
  if (policy) forwarded.set(policy.key, policy.value);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Every page, the open ones included (they need the CSP too). API routes answer 401 themselves
  // and get their headers from next.config.ts, as do Next's files and the static assets.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt|webmanifest)$).*)"],
};
