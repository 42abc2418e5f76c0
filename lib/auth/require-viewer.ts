import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { bindRenderToTenant } from "@/lib/tenancy/scope";

/** The session's viewer for a page, layout or server action; binds the render to their account. */
async function loadSessionViewer(guard: Guard): Promise<Viewer> {
  const session = await auth();
  const user = session?.user;
  const viewer = await loadViewer({ userId: user?.id, accountId: user?.accountId, signInId: user?.signInId }, guard);
  // Every query of this page render, in whichever component, now reads this account's rows.
  bindRenderToTenant(viewer.accountId);
  return viewer;
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
