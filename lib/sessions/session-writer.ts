import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { readableSessionWhere, worksOnSession } from "@/lib/sessions/session-access";

/** Why a session the viewer can read is not theirs to change. */
export const NOT_YOURS = "Only the engineer working this session can change it. Pick it up first.";

/**
 * Loads a session the viewer may work on: the engineer who started it or the one handling it
 * after a pickup. A session the viewer can't read at all is not_found (A2); one they can read
 * but don't work on (a teammate's escalation before pickup) is forbidden.
 */
export async function loadSessionForWrite(viewer: Viewer, sessionId: string, client: Tx = db) {
  const session = await client.aiSession.findFirst({
    where: readableSessionWhere(viewer, sessionId),
    select: {
      id: true,
      accountId: true,
      userId: true,
      handlerId: true,
      status: true,
      stateVersion: true,
      title: true,
      psaTicketId: true,
      psaTicketRef: true,
    },
  });
  if (!session) throw notFound("Session");
  if (!worksOnSession(viewer, session)) throw forbidden(NOT_YOURS);
  return session;
}
