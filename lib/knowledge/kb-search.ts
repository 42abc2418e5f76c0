import type { Viewer } from "@/lib/auth/viewer";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KbArticleFormat, KbArticleStatus } from "@/lib/generated/prisma/enums";
import type { ListKbArticlesInput } from "@/lib/knowledge/kb-schemas";

/** Enough for a page of results; a knowledge base is browsed by searching, not by paging. */
const LIST_LIMIT = 100;

export type KbArticleListItem = {
  id: string;
  title: string;
  format: KbArticleFormat;
  status: KbArticleStatus;
  author_name: string | null;
  session_id: string | null;
  published_at: string | null;
  updated_at: string;
};

type Row = Omit<KbArticleListItem, "published_at" | "updated_at"> & { published_at: Date | null; updated_at: Date };

/**
 * L2: the account's articles, newest first, or with `q` the ones whose title or body match it
 * (stemmed full-text search over the generated `search_vector`, title weighted above body; a
 * title containing `q` as typed also matches, for part-words and codes), best match first. `status` narrows to drafts or published ones.
 */
export async function listKbArticles(viewer: Viewer, input: ListKbArticlesInput): Promise<{ items: KbArticleListItem[] }> {
  const status = input.status ? Prisma.sql`AND a.status = ${input.status}::"KbArticleStatus"` : Prisma.empty;
  const query = input.q;
  const match = query
    ? Prisma.sql`AND (a.search_vector @@ websearch_to_tsquery('english', ${query}) OR a.title ILIKE ${`%${query.replace(/[\\%_]/g, "\\$&")}%`})`
    : Prisma.empty;
  const order = query
    ? Prisma.sql`ORDER BY ts_rank(a.search_vector, websearch_to_tsquery('english', ${query})) DESC, a.updated_at DESC`
    : Prisma.sql`ORDER BY a.updated_at DESC`;
  const rows = await queryRows<Row>(Prisma.sql`
    SELECT a.id, a.title, a.format::text AS format, a.status::text AS status, u.name AS author_name,
           a.session_id, a.published_at, a.updated_at
    FROM kb_articles a JOIN users u ON u.id = a.author_id
    WHERE a.account_id = ${viewer.accountId}::uuid ${status} ${match}
    ${order}
    LIMIT ${LIST_LIMIT}`);
  return {
    items: rows.map((row) => ({ ...row, published_at: row.published_at?.toISOString() ?? null, updated_at: row.updated_at.toISOString() })),
  };
}
