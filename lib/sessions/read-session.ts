import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/** The columns every view of a session starts from. */
export const sessionSummary = {
  id: true,
  title: true,
  status: true,
  companyName: true,
  psaTicketId: true,
  psaTicketRef: true,
  stateVersion: true,
  /** L3: set while the linked ticket came back open after this session resolved it. */
  reopenedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The ticket a session is linked to, as the session detail shows it (from the row: no PSA call on read). */
export type LinkedPsaTicket = { id: string; ref: string } | null;

export function linkedPsaTicket(session: { psaTicketId: string | null; psaTicketRef: string | null }): LinkedPsaTicket {
  return session.psaTicketId ? { id: session.psaTicketId, ref: session.psaTicketRef ?? `#${session.psaTicketId}` } : null;
}

/**
 * One session with its steps, live facts and linked PSA ticket (`psa_ticket`). Another tenant's
 * session, or one this viewer may not read, is not_found so ids can't be probed.
 */
export async function getSession(viewer: Viewer, sessionId: string) {
  const session = await db.aiSession.findFirst({
    where: readableSessionWhere(viewer, sessionId),
    select: {
      ...sessionSummary,
      escalationReason: true,
      escalatedAt: true,
      escalationPackageMarkdown: true,
      resolutionNoteMarkdown: true,
      resolvedAt: true,
      pendingTaskLane: true,
      user: { select: { id: true, name: true } },
      handler: { select: { id: true, name: true } },
      steps: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, content: true, createdAt: true, user: { select: { id: true, name: true } } },
      },
      facts: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, sourceKind: true, sourceRef: true, createdAt: true },
      },
    },
  });
  if (!session) throw notFound("Session");
  return { ...session, psa_ticket: linkedPsaTicket(session) };
}
