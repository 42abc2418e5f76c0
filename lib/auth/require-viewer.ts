import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/**
 * The viewer of a page or server action. Sends signed-out (or removed) people to the login page,
 * coming back to `returnTo`; throws forbidden when the role fails `guard`.
 */
export async function requireViewer(guard: Guard = "signedIn", returnTo?: string): Promise<Viewer> {
  const session = await auth();
  try {
    return await loadViewer(session?.user?.id, guard);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") {
      redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
    }
    throw error;
  }
}
