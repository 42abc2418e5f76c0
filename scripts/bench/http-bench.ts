import type { GoalFigures } from "./goals";
import { measureHttp, measurePage, type LoadResult } from "./http-load";
import { expectOk } from "./run-support";
import { formatLoadTable, type LoadRow } from "./stats";

export const API_CONNECTIONS = 50;
export const PAGE_CONNECTIONS = 10;
export const SECONDS = 10;
export const WARMUP_SECONDS = 3;
const PAGE_FLOOR_NAME = "not-found (the floor for a page)";

type HttpPartInput = { appUrl: string; cookie: string; seniorEmail: string; sessionOfSenior: string };
type HttpFigures = Pick<GoalFigures, "liveRps" | "meRps" | "countsRps" | "pages" | "pageFloorRps">;

/**
 * The bench's http part, as the senior: the live route (the floor), /api/v1/me, counts and the
 * session list at c=50, then the pages at c=10 with TTFB beside Next's own not-found page. Returns
 * the report's lines and the figures the goals read. A wrong answer stops the run; timeouts or
 * resets on a saturated machine are reported beside the figures.
 */
export async function measureHttpPart({ appUrl, cookie, seniorEmail, sessionOfSenior }: HttpPartInput): Promise<{ lines: string[]; figures: HttpFigures }> {
  const counts = await expectOk(`${appUrl}/api/v1/shell/counts`, cookie);
  const me = (await expectOk(`${appUrl}/api/v1/me`, cookie)) as { email?: string };
  if (me.email !== seniorEmail) throw new Error(`/api/v1/me answered for ${me.email}, not the senior`);
  const apis: [string, string][] = [
    ["GET /api/health/live (the floor)", "/api/health/live"],
    ["GET /api/v1/me", "/api/v1/me"],
    ["GET /api/v1/shell/counts", "/api/v1/shell/counts"],
    ["GET /api/v1/ai-sessions (senior, page 1)", "/api/v1/ai-sessions"],
    ["GET /api/v1/ai-sessions?q=northwind", "/api/v1/ai-sessions?q=northwind"],
  ];
  const pages: [string, string][] = [
    ["/pilot", "/pilot"],
    ["/escalations", "/escalations"],
    ["/pilot/:id", `/pilot/${sessionOfSenior}`],
  ];
  // What no page can beat: Next's own not-found page through the root layout, no data and no shell.
  const pageFloor: [string, string] = [PAGE_FLOOR_NAME, "/bench-page-floor"];
  const loads: [string, LoadResult & { ttfbP50?: number; ttfbP99?: number }][] = [];
  for (const [name, urlPath] of apis) {
    await measureHttp(`${appUrl}${urlPath}`, { cookie, seconds: WARMUP_SECONDS, connections: API_CONNECTIONS });
    loads.push([name, await measureHttp(`${appUrl}${urlPath}`, { cookie, seconds: SECONDS, connections: API_CONNECTIONS })]);
  }
  for (const [name, urlPath] of [...pages, pageFloor]) {
    const expectedStatus = name === PAGE_FLOOR_NAME ? 404 : undefined;
    await measurePage(`${appUrl}${urlPath}`, { cookie, seconds: WARMUP_SECONDS, connections: PAGE_CONNECTIONS, expectedStatus });
    loads.push([`page ${name}`, await measurePage(`${appUrl}${urlPath}`, { cookie, seconds: SECONDS, connections: PAGE_CONNECTIONS, expectedStatus })]);
  }
  for (const [name, load] of loads) {
    if (load.non2xx) throw new Error(`${name}: ${load.non2xx} unexpected answers in ${load.requests} requests`);
  }
  const live = loads[0]![1];
  const rows: LoadRow[] = loads.map(([name, load]) => ({ name, ...load }));
  const lines = [
    `HTTP: npm start's production server (server.ts: Next plus the escalation stream), 127.0.0.1; APIs by autocannon at c=${API_CONNECTIONS} (1 ms resolution), pages by keep-alive loops at c=${PAGE_CONNECTIONS} (TTFB: status line and headers). ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up; as the senior.`,
    `Senior's counts: ${JSON.stringify(counts)}`,
    formatLoadTable(rows, live.requestsPerSecond),
    `Requests (errors: timeouts or resets): ${loads.map(([name, load]) => `${name.replace(/ \(.*\)$/, "")} ${load.requests} (${load.errors})`).join(", ")}.`,
  ];
  const pageLoad = (i: number) => loads[apis.length + i]![1];
  return {
    lines,
    figures: {
      liveRps: live.requestsPerSecond,
      meRps: loads[1]![1].requestsPerSecond,
      countsRps: loads[2]![1].requestsPerSecond,
      pages: pages.map(([pagePath], i) => ({ path: pagePath, rps: pageLoad(i).requestsPerSecond, p99: pageLoad(i).p99 })),
      pageFloorRps: pageLoad(pages.length).requestsPerSecond,
    },
  };
}
