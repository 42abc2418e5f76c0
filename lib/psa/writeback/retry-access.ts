import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { worksOnSession } from "@/lib/sessions/session-access";
import { isInTransit } from "@/lib/sessions/statuses";

/**
 * Who may retry a session's PSA post: an engineer-or-admin who works the session; and, for an
 * escalation package while the session waits for pickup, any engineer-or-admin of the account
 * (the escalator may be gone, and whoever picks it up should not inherit a half-posted ticket).
 * The caller has already checked that the viewer can read the session at all.
 */
export function mayRetryPsaPost(viewer: Viewer, session: { status: string; userId: string; handlerId: string | null }, kind: DocumentKind): boolean {
  if (!roleAllows("engineerOrAdmin", viewer.role)) return false;
  return worksOnSession(viewer, session) || (kind === "escalation_package" && isInTransit(session.status));
}
