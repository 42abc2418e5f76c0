import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readCookieIdentity } from "@/lib/auth/read-signed-in-identity";
import { guardViewer, readViewer, type Viewer } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { bindRenderToTenant } from "@/lib/tenancy/scope";

/**
 * Who this request's session cookie is, read once per request: the layout and the page both ask,
 * and React's per-request cache hands the second the first one's answer (or its refusal). Nothing
 * outlives the request, so a demotion, removal or ended sign-in shows on the very next one.
 */
const readRequestViewer = cache(async (): Promise<Viewer> => {
  const viewer = await readViewer(await readCookieIdentity((await headers()).get("cookie")));
  // Every query of this page render, in whichever component, now reads this account's rows.
  bindRenderToTenant(viewer.accountId);
  return viewer;
});

/** The session's viewer for a page, layout or server action; binds the render to their account. */
async function loadSessionViewer(guard: Guard): Promise<Viewer> {
  return guardViewer(await readRequestViewer(), guard);
}

/**
 * The viewer of a page or server action. Sends signed-out (or removed) people to the login page,
 * coming back to `returnTo`; throws forbidden when the role fails `guard`.
 */
export async function requireViewer(guard: Guard = "signedIn", returnTo?: string): Promise<Viewer> {
  try {
    return await loadSessionViewer(guard);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") {
      redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
    }
    throw error;
  }
}

/** The signed-in viewer, or null for a signed-out (or removed) visitor. */
export async function findViewer(): Promise<Viewer | null> {
  try {
    return await loadSessionViewer("signedIn");
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return null;
    throw error;
  }
}
