import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { readSignedInIdentity } from "@/lib/auth/read-signed-in-identity";
import { withRequestOrigin } from "@/lib/auth/request-origin";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { loadViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

export const GET = async (request: NextRequest) => {
  if (isSessionRead(request) && (await isEndedSignIn(request))) return signedOutSession();
  return handlers.GET(withRequestOrigin(request));
};
export const POST = (request: NextRequest) => handlers.POST(withRequestOrigin(request));

const isSessionRead = (request: NextRequest) => request.nextUrl.pathname.endsWith("/api/auth/session");

/**
 * Auth.js answers a session read from the cookie alone, and re-issues it with a fresh expiry; a
 * cookie whose sign-in has ended (signed out, revoked, user removed) must get neither.
 */
async function isEndedSignIn(request: NextRequest): Promise<boolean> {
  const identity = await readSignedInIdentity(request);
  if (!identity) return false;
  try {
    await loadViewer(identity, "signedIn");
    return false;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return true;
    throw error;
  }
}

/** Auth.js's own answer for no session, plus the cookie cleared. */
function signedOutSession(): Response {
  const secure = useSecureCookies ? "; Secure" : "";
  return Response.json(null, {
    headers: {
      "Cache-Control": "private, no-cache, no-store",
      "Set-Cookie": `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    },
  });
}
