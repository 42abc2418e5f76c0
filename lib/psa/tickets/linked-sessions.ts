import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

export type LinkedSession = { id: string; title: string; status: string };

/**
 * The viewer's account's sessions linked to a PSA ticket that the viewer may read (the same rule
 * as opening one: their own, handled or targeted, or in transit), newest first.
 */
export async function listLinkedSessions(viewer: Viewer, ticketId: string): Promise<LinkedSession[]> {
  return db.aiSession.findMany({
    where: {
      accountId: viewer.accountId,
      psaTicketId: ticketId,
      OR: [
        { userId: viewer.userId },
        { handlerId: viewer.userId },
        { escalatedToId: viewer.userId },
        { status: { in: [...IN_TRANSIT_STATUSES] } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, title: true, status: true },
  });
}
