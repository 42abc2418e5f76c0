import type { CwHttp } from "@/lib/psa/connectwise/cw-http";
import type { QueryValues } from "@/lib/psa/connectwise/query-string";
import type { RequestSubject } from "@/lib/psa/connectwise/cw-errors";

/** `rel → URL` from an RFC 5988 Link header (`<url>; rel="next", <url>; rel="last"`). */
export function parseLinkHeader(header: string | string[] | undefined): Record<string, string> {
  const text = Array.isArray(header) ? header.join(", ") : header;
  const links: Record<string, string> = {};
  if (!text) return links;
  for (const match of text.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? "")?.[1];
    if (rel) for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] ??= match[1]!;
  }
  return links;
}

/**
 * The next page number a Link header offers for the request to `requested`, or null. A link to
 * another origin or path is ignored (a Link header must never send the client elsewhere): only
 * its `page` number is taken, and the next request is re-built on our own base URL.
 */
export function nextPageFromLink(header: string | string[] | undefined, requested: URL): number | null {
  const next = parseLinkHeader(header).next;
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next, requested);
  } catch {
    return null;
  }
  if (url.origin !== requested.origin || url.pathname.toLowerCase() !== requested.pathname.toLowerCase()) return null;
  const page = Number(url.searchParams.get("page"));
  return Number.isInteger(page) && page > 0 ? page : null;
}

/**
 * Where paging goes after page `page`: the Link header's next page when it has a trustworthy one;
 * no Link at all (or an untrusted `next`) → the next page only when this one was full; a Link
 * without `next`, or an empty page → the end.
 */
export function nextPage(input: { link: string | string[] | undefined; requested: URL; page: number; received: number; pageSize: number }): number | null {
  if (input.received === 0) return null;
  const fromLink = nextPageFromLink(input.link, input.requested);
  if (fromLink !== null) return fromLink > input.page ? fromLink : null;
  const links = parseLinkHeader(input.link);
  if (Object.keys(links).length > 0 && !links.next) return null;
  return input.received >= input.pageSize ? input.page + 1 : null;
}

/**
 * Every item of a GET list, 1000 per page (CW's maximum), following the pages until the last;
 * stops after `maxPages` (logged as `psa.list_truncated`) so a huge or looping list can't hang a page.
 */
export async function listAll<T>(http: CwHttp, path: string, query: QueryValues, subject: RequestSubject, maxPages = 10): Promise<T[]> {
  const pageSize = 1000;
  const items: T[] = [];
  for (let page: number | null = 1, fetched = 0; page !== null; fetched++) {
    if (fetched >= maxPages) {
      console.warn(JSON.stringify({ event: "psa.list_truncated", provider: "connectwise", path, pages: fetched, items: items.length }));
      break;
    }
    const answer = await http.call<T[] | null>({ method: "GET", path, query: { ...query, page, pageSize }, subject });
    const batch = Array.isArray(answer.data) ? answer.data : [];
    items.push(...batch);
    page = nextPage({ link: answer.headers.link, requested: answer.url, page, received: batch.length, pageSize });
  }
  return items;
}
