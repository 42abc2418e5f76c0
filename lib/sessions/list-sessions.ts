import type { Viewer } from "@/lib/auth/viewer";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sessionSummaryColumns, type SessionSummary } from "@/lib/sessions/read-session";
import { escapeLike, readPage, type ListPage } from "@/lib/lists/paging";
import type { ListSessionsInput, SessionSort } from "@/lib/sessions/schemas";
import { readableSessionsCondition } from "@/lib/sessions/session-access";

/** `mine`: the sessions the viewer started or handles. `team`: every session of the account. */
export type SessionListScope = "mine" | "team";

/** Viewers can't start or pick up sessions, so their list is the team's, read-only (SPEC A3). */
export function sessionListScope(viewer: Viewer): SessionListScope {
  return viewer.role === "viewer" ? "team" : "mine";
}

// The id breaks ties so paging never repeats or skips a row between pages.
const orderBySql: Record<SessionSort, Prisma.Sql> = {
  updated: Prisma.sql`s.updated_at DESC, s.id DESC`,
  oldest: Prisma.sql`s.updated_at ASC, s.id ASC`,
  title: Prisma.sql`s.title ASC, s.updated_at DESC, s.id DESC`,
};

export type SessionListItem = SessionSummary & { user: { id: string; name: string } };

type SessionListRow = Omit<SessionListItem, "user"> & { userName: string; userId: string };

/** Sessions whose title, company or ticket (its ref or PSA id) contains `q`, in any case: a condition on `ai_sessions s`. */
export function sessionSearchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const pattern = `%${escapeLike(q)}%`;
  return Prisma.sql`(s.title ILIKE ${pattern} OR s.company_name ILIKE ${pattern} OR s.psa_ticket_ref ILIKE ${pattern} OR s.psa_ticket_id ILIKE ${pattern})`;
}

/** `sessionListScope` as a condition on `ai_sessions s`: the team's list is what the viewer may read. */
function scopeCondition(viewer: Viewer): Prisma.Sql {
  if (sessionListScope(viewer) === "team") return readableSessionsCondition(viewer);
  return Prisma.sql`s.account_id = ${viewer.accountId}::uuid AND (s.user_id = ${viewer.userId}::uuid OR s.handler_id = ${viewer.userId}::uuid)`;
}

/**
 * One page of the viewer's session list (`sessionListScope`): searched by title, company or
 * ticket, optionally one status, in `sort` order, with the total that matches. Always within the
 * viewer's account. One count and one find, straight on the pool: the list page and its API are
 * among the most requested, and each Prisma model query costs far more CPU than its SQL.
 */
export async function listSessions(viewer: Viewer, input: ListSessionsInput): Promise<ListPage<SessionListItem>> {
  const where = Prisma.sql`${scopeCondition(viewer)} AND ${sessionSearchCondition(input.q)}
    AND ${input.status ? Prisma.sql`s.status = ${input.status}::"SessionStatus"` : Prisma.sql`TRUE`}`;
  return readPage({
    page: input.page,
    pageSize: input.limit,
    count: async () => {
      const [row] = await queryRows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM ai_sessions s WHERE ${where}`);
      return row?.total ?? 0;
    },
    find: async ({ skip, take }) => {
      const rows = await queryRows<SessionListRow>(Prisma.sql`
        SELECT ${sessionSummaryColumns}, u.id AS "userId", u.name AS "userName"
        FROM ai_sessions s JOIN users u ON u.id = s.user_id
        WHERE ${where}
        ORDER BY ${orderBySql[input.sort]}
        OFFSET ${skip} LIMIT ${take}`);
      return rows.map(({ userId, userName, ...session }) => ({ ...session, user: { id: userId, name: userName } }));
    },
  });
}
