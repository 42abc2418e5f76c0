/**
 * Pagination (reference §2.3, §2.4). Navigable: `page` (1-based) and `pageSize` (25 by default,
 * silently capped at 1000), a page past the end is `[]`, and an RFC 5988 `Link` header with
 * first/prev/next/last (prev and next left out when they don't apply). Forward-only
 * (`pagination-type: forward-only`): `pageId` means `id > pageId`, rows ordered by id, `orderBy`
 * refused, and a `next` link carrying the last id while more rows follow.
 */
import { CwHttpError, header, type SimRequest } from "./http";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

/** Query values come from the URL; for `/search` the same names may come in the body. */
function intParam(request: SimRequest, name: string): number | null {
  const raw = request.query.get(name);
  if (raw === null || raw === "") return null;
  if (!/^-?\d+$/.test(raw)) throw new CwHttpError(400, "InvalidObject", `The value '${raw}' is not valid for ${name}.`);
  return Number(raw);
}

export function pageSizeOf(request: SimRequest): number {
  const size = intParam(request, "pageSize") ?? DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
}

export const isForwardOnly = (request: SimRequest) => header(request.headers, "pagination-type")?.toLowerCase() === "forward-only";

type Paged<T> = { rows: T[]; link: string | null };

/** Slices `rows` (already filtered and ordered) for this request and builds its Link header. */
export function pageRows<T extends { id?: unknown }>(request: SimRequest, rows: T[]): Paged<T> {
  const size = pageSizeOf(request);
  if (isForwardOnly(request)) {
    const after = intParam(request, "pageId") ?? 0;
    const remaining = rows.filter((row) => Number(row.id) > after).sort((a, b) => Number(a.id) - Number(b.id));
    const slice = remaining.slice(0, size);
    const last = slice.at(-1);
    const link = remaining.length > size && last ? `<${linkUrl(request, { pageId: String(last.id), pageSize: String(size) }, ["page"])}>; rel="next"` : null;
    return { rows: slice, link };
  }
  const page = Math.max(intParam(request, "page") ?? 1, 1);
  const lastPage = Math.max(Math.ceil(rows.length / size), 1);
  const slice = rows.slice((page - 1) * size, page * size);
  const to = (target: number) => linkUrl(request, { page: String(target), pageSize: String(size) }, ["pageId"]);
  const parts: string[] = [];
  if (page < lastPage) parts.push(`<${to(page + 1)}>; rel="next"`);
  parts.push(`<${to(1)}>; rel="first"`);
  if (page > 1) parts.push(`<${to(Math.min(page - 1, lastPage))}>; rel="prev"`);
  parts.push(`<${to(lastPage)}>; rel="last"`);
  return { rows: slice, link: parts.join(", ") };
}

/** Refuses `orderBy` in forward-only mode, as the docs require (the exact error is undocumented). */
export function assertOrderAllowed(request: SimRequest, orderBy: string | null) {
  if (orderBy && isForwardOnly(request)) {
    throw new CwHttpError(400, "InvalidObject", "orderBy is not supported with forward-only pagination; results are ordered by id.");
  }
}

function linkUrl(request: SimRequest, set: Record<string, string>, drop: string[]): string {
  const url = new URL(request.url.toString());
  for (const name of drop) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(set)) url.searchParams.set(name, value);
  return url.toString();
}
