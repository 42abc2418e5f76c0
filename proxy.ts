import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/session-cookie";

/**
 * Next 16's request boundary (formerly middleware.ts). It only sends signed-out page requests to
 * the login page with their destination; every page, action and route still checks the viewer.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(sessionCookieName)) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Pages only: API routes answer 401 themselves; the login page, the invitation accept page
  // (its people have no account yet) and assets stay open.
  matcher: ["/((?!api/|_next/|login|invite/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt|webmanifest)$).*)"],
};
