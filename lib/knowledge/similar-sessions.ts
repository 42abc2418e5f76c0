import type { Viewer } from "@/lib/auth/viewer";
import { db, queryRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/** How many matches the pilot lane and the chat context use. */
export const SIMILAR_LIMIT = 3;
const MAX_LIMIT = 10;
/** A close title counts for less than a matching document: typos rescue a match, they don't make one. */
const TITLE_SIMILARITY_WEIGHT = 0.3;
/**
 * Below this a match is one shared everyday word ("stuck", "user") in a fact: about 0.06 for a
 * single B-weight hit, while a real match shares the title or several facts (0.1 and up).
 */
const MIN_SCORE = 0.08;

/**
 * How the reused fix went in the resolved session: worked (applied_success), partially
 * (applied_partial), untested (suggested or applied without an outcome), or no_fix when the
 * session was resolved without a usable fix.
 */
export type SimilarOutcome = "worked" | "partially" | "untested" | "no_fix";

export type SimilarSession = {
  session_id: string;
  title: string;
  score: number;
  fix_id: string | null;
  fix_title: string | null;
  fix_description: string | null;
  outcome: SimilarOutcome;
  resolved_by: string | null;
  resolved_at: Date | null;
  /** Whether the asking viewer may open the session itself (a teammate's own session is not theirs to read). */
  can_open: boolean;
};

type Row = Omit<SimilarSession, "outcome" | "score"> & { score: number | string; fix_status: string | null };

const OUTCOMES: Record<string, SimilarOutcome> = { applied_success: "worked", applied_partial: "partially", proposed: "untested" };

/**
 * The account's resolved sessions most like `text` (the asking session's title and facts), best
 * first: full-text rank over the maintained search document plus a share of trigram title
 * similarity, so a misspelt title still finds its match. Never the session itself, never one
 * whose ticket was reopened (its fix did not hold). Runs in the caller's data scope, so row-level
 * security applies on top of the account filter.
 */
export async function findSimilarSessions(input: SimilarQuery): Promise<SimilarSession[]> {
  const rows = await queryRows<Row>(similarSessionsQuery({ ...input, tsquery: await anyWordQuery(input.text) }));
  return rows.map(({ fix_status, score, ...row }) => ({
    ...row,
    score: Number(score),
    outcome: fix_status ? (OUTCOMES[fix_status] ?? "untested") : "no_fix",
  }));
}

export type SimilarQuery = {
  accountId: string;
  /** Who asks, for `can_open`; without one (the chat's context) nothing is marked openable. */
  reader?: Pick<Viewer, "userId" | "role">;
  sessionId: string;
  title: string;
  text: string;
  limit?: number;
};

/**
 * `text` as a tsquery matching any of its words: an OR of its own lexemes, already normalised by
 * to_tsvector, so any shared word counts and ts_rank weighs how many and where (title A … note C).
 * Null when the text has no searchable word. A statement of its own so the search below gets the
 * query as a value the planner can read against the index statistics; built inside the search,
 * it is priced blind and the planner scans the account instead of using the index.
 */
export async function anyWordQuery(text: string): Promise<string | null> {
  const [row] = await queryRows<{ query: string | null }>(
    Prisma.sql`SELECT string_agg(quote_literal(lexeme), ' | ') AS query FROM unnest(to_tsvector('english', ${text}))`,
  );
  return row?.query ?? null;
}

/**
 * The statement behind `findSimilarSessions` (exported so a test can EXPLAIN it). Every candidate
 * is scored once (the fence keeps the planner from computing the score again for the filter),
 * and only the best `limit` then look up their fix and resolver: on a big account thousands of
 * sessions share a word, and those lookups were a third of the search.
 */
export function similarSessionsQuery(input: SimilarQuery & { tsquery: string | null }): Prisma.Sql {
  const limit = Math.min(MAX_LIMIT, Math.max(1, input.limit ?? SIMILAR_LIMIT));
  const { accountId } = input;
  const userId = input.reader?.userId ?? null;
  const role = input.reader?.role ?? null;
  return Prisma.sql`
    SELECT best.session_id, best.title, best.resolved_at, best.score,
      fx.id AS fix_id, fx.title AS fix_title, fx.description AS fix_description, fx.status::text AS fix_status,
      u.name AS resolved_by,
      coalesce(${role}::text = 'viewer' OR ${userId}::uuid IN (best.user_id, best.handler_id, best.escalated_to_id), false) AS can_open
    FROM (
      SELECT * FROM (
        SELECT s.id AS session_id, s.title, s.resolved_at, s.user_id, s.handler_id, s.escalated_to_id,
          round((coalesce(ts_rank(s.search_vector, ${input.tsquery}::tsquery), 0) + ${TITLE_SIMILARITY_WEIGHT} * similarity(s.title, ${input.title}))::numeric, 4) AS score
        FROM ai_sessions s
        WHERE (s.search_vector @@ ${input.tsquery}::tsquery OR s.title % ${input.title})
          AND s.account_id = ${accountId}::uuid AND s.status = 'resolved' AND s.reopened_at IS NULL AND s.id <> ${input.sessionId}::uuid
        OFFSET 0
      ) scored
      WHERE score >= ${MIN_SCORE}
      ORDER BY score DESC, resolved_at DESC NULLS LAST, session_id
      LIMIT ${limit}
    ) best
    LEFT JOIN LATERAL (
      SELECT f.id, f.title, f.description, f.status FROM session_suggested_fixes f
      WHERE f.session_id = best.session_id AND f.status IN ('applied_success', 'applied_partial', 'proposed')
      ORDER BY f.status = 'applied_success' DESC, f.status = 'applied_partial' DESC, f.superseded_at IS NULL DESC, f.created_at DESC
      LIMIT 1
    ) fx ON true
    LEFT JOIN users u ON u.id = coalesce(best.handler_id, best.user_id)
    ORDER BY best.score DESC, best.resolved_at DESC NULLS LAST, best.session_id`;
}

/** The text a session is matched by: its title and its live facts. */
export function similarityText(title: string, facts: readonly { text: string }[]): string {
  return [title, ...facts.map((fact) => fact.text)].join("\n");
}

/**
 * GET …/similar: resolved sessions of the viewer's account like the session `sessionId`, which
 * the viewer must be able to read. Throws not_found otherwise (another tenant's id included).
 */
export async function listSimilarSessions(viewer: Viewer, sessionId: string, limit?: number): Promise<{ items: SimilarSession[] }> {
  const session = await db.aiSession.findFirst({
    where: readableSessionWhere(viewer, sessionId),
    select: { id: true, title: true, facts: { where: { deletedAt: null }, select: { text: true } } },
  });
  if (!session) throw notFound("Session");
  const items = await findSimilarSessions({ accountId: viewer.accountId, reader: viewer, sessionId: session.id, title: session.title, text: similarityText(session.title, session.facts), limit });
  return { items };
}
