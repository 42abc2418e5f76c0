import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer, ViewerIds } from "@/lib/auth/viewer";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";

/**
 * Which of the account's sessions a viewer may read. A user with the viewer role reads every
 * session of the account (SPEC A3: viewers read, and never write, so there is nothing to keep
 * apart). Everyone else reads the sessions they started, handle or were targeted with, plus any
 * session in transit to a senior (F8). Always within their account.
 */
export function readableSessionsWhere(viewer: Viewer): Prisma.AiSessionWhereInput {
  if (viewer.role === "viewer") return { accountId: viewer.accountId };
  return {
    accountId: viewer.accountId,
    OR: [
      { userId: viewer.userId },
      { handlerId: viewer.userId },
      { escalatedToId: viewer.userId },
      { status: { in: [...IN_TRANSIT_STATUSES] } },
    ],
  };
}

/** `readableSessionsWhere` as a condition on `ai_sessions s`, for the hot reads sent straight to the pool. */
export function readableSessionsCondition(viewer: Viewer): Prisma.Sql {
  if (viewer.role === "viewer") return Prisma.sql`s.account_id = ${viewer.accountId}::uuid`;
  return workerReadableSessionsCondition(viewer);
}

/**
 * `readableSessionsCondition` for an engineer or admin, from their ids alone: for a read sent in
 * the viewer's own statement, before the role is known, on a route whose guard refuses viewers.
 */
export function workerReadableSessionsCondition({ userId, accountId }: ViewerIds): Prisma.Sql {
  return Prisma.sql`s.account_id = ${accountId}::uuid AND (s.user_id = ${userId}::uuid OR s.handler_id = ${userId}::uuid
    OR s.escalated_to_id = ${userId}::uuid OR s.status IN (${Prisma.join(IN_TRANSIT_STATUSES)}))`;
}

/** One session by id, when the viewer may read it (`readableSessionsWhere`). */
export function readableSessionWhere(viewer: Viewer, sessionId: string): Prisma.AiSessionWhereInput {
  return { id: sessionId, ...readableSessionsWhere(viewer) };
}

/** Who works a session: the engineer who started it, or its handler once someone picked it up. */
export function worksOnSession(viewer: Viewer, session: { userId: string; handlerId: string | null }): boolean {
  return session.handlerId ? session.handlerId === viewer.userId : session.userId === viewer.userId;
}
