import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, readPage, type ListPage } from "@/lib/lists/paging";
import type { ListSessionsInput, SessionSort } from "@/lib/sessions/schemas";
import { sessionSummary } from "@/lib/sessions/read-session";
import { readableSessionsWhere } from "@/lib/sessions/session-access";

/** Sessions whose title, company or ticket (its ref or PSA id) contains `q`, in any case. */
export function sessionSearchWhere(q: string | undefined): Prisma.AiSessionWhereInput {
  if (!q) return {};
  const contains = { contains: escapeLike(q), mode: "insensitive" } as const;
  return { OR: [{ title: contains }, { companyName: contains }, { psaTicketRef: contains }, { psaTicketId: contains }] };
}

/** `mine`: the sessions the viewer started or handles. `team`: every session of the account. */
export type SessionListScope = "mine" | "team";

/** Viewers can't start or pick up sessions, so their list is the team's, read-only (SPEC A3). */
export function sessionListScope(viewer: Viewer): SessionListScope {
  return viewer.role === "viewer" ? "team" : "mine";
}

function scopeWhere(viewer: Viewer): Prisma.AiSessionWhereInput {
  if (sessionListScope(viewer) === "team") return readableSessionsWhere(viewer);
  return { accountId: viewer.accountId, OR: [{ userId: viewer.userId }, { handlerId: viewer.userId }] };
}

// The id breaks ties so paging never repeats or skips a row between pages.
const orderBySort: Record<SessionSort, Prisma.AiSessionOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  oldest: [{ updatedAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { updatedAt: "desc" }, { id: "desc" }],
};

const listItemSelect = { ...sessionSummary, user: { select: { id: true, name: true } } } satisfies Prisma.AiSessionSelect;

export type SessionListItem = Prisma.AiSessionGetPayload<{ select: typeof listItemSelect }>;

/**
 * One page of the viewer's session list (`sessionListScope`): searched by title, company or
 * ticket, optionally one status, in `sort` order, with the total that matches. Always within the
 * viewer's account. One find and one count.
 */
export async function listSessions(viewer: Viewer, input: ListSessionsInput): Promise<ListPage<SessionListItem>> {
  const where: Prisma.AiSessionWhereInput = {
    AND: [scopeWhere(viewer), sessionSearchWhere(input.q), input.status ? { status: input.status } : {}],
  };
  return readPage({
    page: input.page,
    pageSize: input.limit,
    count: () => db.aiSession.count({ where }),
    find: ({ skip, take }) => db.aiSession.findMany({ where, orderBy: orderBySort[input.sort], skip, take, select: listItemSelect }),
  });
}
