/**
 * Every route handler of the app, found on disk the way Next.js finds them: any `route.*` file
 * (ts, tsx, js, jsx, mjs) anywhere under `app/`, and every HTTP method Next.js lets it export. The
 * authorization matrix (and the tests that walk it) use this one list, so a handler added
 * anywhere, under any method, is either a matrix row or named in `outsideTheMatrix` with a reason.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The methods a Next.js route handler can export. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Next.js treats a file of one of these names as a route handler. */
const ROUTE_FILE = /^route\.(ts|tsx|js|jsx|mjs)$/;

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** `key` is `"<METHOD> <url path>"`, the path as its folders spell it (`[id]` kept, `(group)` dropped). */
export type DiscoveredRoute = { key: string; method: HttpMethod; file: string; handler: RouteHandler };

/**
 * Handlers that are not the app's own API and so have no matrix row: Auth.js's sign-in, callback
 * and sign-out endpoints take no viewer. What they promise is held by the sign-in, Entra and
 * open-redirect specs under e2e/.
 */
export const outsideTheMatrix: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "Auth.js's own endpoints (e2e/sign-in, e2e/entra, e2e/open-redirect)",
  "POST /api/auth/[...nextauth]": "Auth.js's own endpoints (e2e/sign-in, e2e/entra, e2e/open-redirect)",
};

const appRoot = fileURLToPath(new URL("../../app", import.meta.url));

/** `app/api/v1/ai-sessions/[id]/route.ts` → `/api/v1/ai-sessions/[id]` (route groups dropped). */
function urlPathOf(file: string): string {
  const segments = path.relative(appRoot, path.dirname(file)).split(path.sep);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

/** The route files under `app/`, relative to it, sorted. */
export function routeFiles(): string[] {
  return readdirSync(appRoot, { recursive: true, encoding: "utf8" })
    .filter((relative) => ROUTE_FILE.test(path.basename(relative)))
    .sort();
}

/** Imports every route file and lists each exported method, keyed as the matrix keys them. */
export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const relative of routeFiles()) {
    const file = path.join(appRoot, relative);
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") {
        routes.push({ key: `${method} ${urlPathOf(file)}`, method, file: `app/${relative}`, handler: mod[method] as RouteHandler });
      }
    }
  }
  return routes;
}
