/** One page of a list with the total across all pages; `page` is the page actually returned. */
export type ListPage<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Prisma sends `contains` as an ILIKE pattern without escaping, so "%" or "_" would match anything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

type PageQuery<T> = {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  find: (window: { skip: number; take: number }) => Promise<T[]>;
};

/**
 * Reads page `page` and the total in parallel (one count, one find). A page past the end (an old
 * link after rows went away) answers with the last page instead of an empty one.
 */
export async function readPage<T>({ page, pageSize, count, find }: PageQuery<T>): Promise<ListPage<T>> {
  const windowOf = (n: number) => ({ skip: (n - 1) * pageSize, take: pageSize });
  const [total, items] = await Promise.all([count(), find(windowOf(page))]);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (page <= lastPage) return { items, total, page, pageSize };
  return { items: await find(windowOf(lastPage)), total, page: lastPage, pageSize };
}
