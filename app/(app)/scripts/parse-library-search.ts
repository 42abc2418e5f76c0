import { listTemplatesInput } from "@/lib/scripts/templates/schemas";

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The library's URL state (`?q=&category=`), read with the list route's own rules; a bad value is dropped. */
export function parseLibrarySearch(raw: RawParams): { q: string; categoryId: string } {
  const q = listTemplatesInput.shape.q.safeParse(first(raw.q));
  const category = listTemplatesInput.shape.category_id.safeParse(first(raw.category));
  return { q: (q.success && q.data) || "", categoryId: (category.success && category.data) || "" };
}

/** The library URL for a search. */
export function libraryHref(search: { q: string; categoryId: string }): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.categoryId) params.set("category", search.categoryId);
  const query = params.toString();
  return query ? `/scripts?${query}` : "/scripts";
}
