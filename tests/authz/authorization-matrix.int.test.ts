import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MatrixCase, MatrixFixture, Persona } from "@/tests/authz/matrix";

// Tenants A and B are connected to ConnectWise simulators on loopback over http: the test-only
// escape hatch of the outbound rules, set before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { errorStatus } = await import("@/lib/errors");
const { callRoute } = await import("@/tests/helpers/call-route");
const { createMatrixFixture, matrix, personas, personaUser } = await import("@/tests/authz/matrix");
const { installConnectWiseSimulator } = await import("@/tests/helpers/psa");

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The header values that opened Next.js middleware in CVE-2025-29927; here they must change nothing. */
const headerVariants: { name: string; headers: Record<string, string> }[] = [
  { name: "no bypass header", headers: {} },
  { name: "x-middleware-subrequest: proxy×5", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  {
    name: "x-middleware-subrequest: middleware×5",
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  },
];

type Handler = Parameters<typeof callRoute>[0];
type DiscoveredRoute = { key: string; file: string; handler: Handler };

const apiRoot = fileURLToPath(new URL("../../app/api/v1", import.meta.url));
const appRoot = fileURLToPath(new URL("../../app", import.meta.url));

/** `app/api/v1/ai-sessions/[id]/route.ts` → `/api/v1/ai-sessions/[id]` (route groups dropped). */
function urlPathOf(file: string): string {
  const segments = path.relative(appRoot, path.dirname(file)).split(path.sep);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const files = readdirSync(apiRoot, { recursive: true, encoding: "utf8" })
    .filter((relative) => path.basename(relative) === "route.ts")
    .map((relative) => path.join(apiRoot, relative))
    .sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") {
        routes.push({ key: `${method} ${urlPathOf(file)}`, file: path.relative(appRoot, file), handler: mod[method] as Handler });
      }
    }
  }
  return routes;
}

const routes = await discoverRoutes();
const casesOf = (key: string): MatrixCase[] => {
  const row = matrix[key];
  return row === undefined ? [] : Array.isArray(row) ? row : [row];
};

// Two instances: tenant A's PSA and tenant B's PSA (see MatrixFixture.psa).
const simulatorA = installConnectWiseSimulator();
const simulatorB = installConnectWiseSimulator();

let fixture: MatrixFixture;
beforeAll(async () => {
  fixture = await createMatrixFixture({ a: simulatorA(), b: simulatorB() });
});

describe("authorization matrix coverage", () => {
  it("finds the API routes", () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  it("has a row for every exported route method", () => {
    const missing = routes.filter((route) => !(route.key in matrix)).map((route) => `${route.key}  (app/${route.file})`);
    expect(
      missing,
      `Add a row for each of these to tests/authz/rows/<area>.ts (format documented in tests/authz/expectations.ts): every route needs its expected status per persona.`,
    ).toEqual([]);
  });

  it("has a route for every row", () => {
    const known = new Set(routes.map((route) => route.key));
    const stale = Object.keys(matrix).filter((key) => !known.has(key));
    expect(stale, "These rows under tests/authz/rows/ name no exported route method; fix the key or remove the row.").toEqual([]);
  });

  it("labels every case of a multi-case row", () => {
    const unlabeled = Object.entries(matrix)
      .filter(([, row]) => Array.isArray(row) && row.some((entry) => !entry.label))
      .map(([key]) => key);
    expect(unlabeled).toEqual([]);
  });
});

type Outcome = { case: string; headers: string; status: number; errorCode?: string };

/** 401 → "unauthenticated", 404 → "not_found", …: every error body must carry the code of its status. */
const codeOfStatus = new Map<number, string>(Object.entries(errorStatus).map(([code, status]) => [status, code]));

function outcome(entry: MatrixCase, headers: string, status: number, errorCode?: string): Outcome {
  return { case: entry.label ?? "-", headers, status, ...(errorCode ? { errorCode } : {}) };
}

function expectedOutcomes(route: DiscoveredRoute, persona: Persona): Outcome[] {
  return casesOf(route.key).flatMap((entry) =>
    headerVariants.map((variant) => {
      const status = entry.expect[persona];
      return outcome(entry, variant.name, status, status >= 400 ? codeOfStatus.get(status) : undefined);
    }),
  );
}

async function actualOutcomes(route: DiscoveredRoute, persona: Persona): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const method = route.key.split(" ")[0]!;
  for (const entry of casesOf(route.key)) {
    for (const variant of headerVariants) {
      const request = (await entry.request?.(fixture)) ?? {};
      const response = await callRoute(route.handler, method, { ...request, as: personaUser(fixture, persona), headers: variant.headers });
      const errorCode = response.status >= 400 ? ((await response.json()) as { error?: { code?: string } }).error?.code : undefined;
      // A 2xx body is not read; cancelling it ends streams that never finish on their own (SSE).
      if (response.status < 400) await response.body?.cancel();
      outcomes.push(outcome(entry, variant.name, response.status, errorCode));
    }
  }
  return outcomes;
}

describe.each(routes.filter((route) => route.key in matrix).map((route) => [route.key, route] as const))("%s", (_key, route) => {
  it.each(personas)("as %s", async (persona) => {
    expect(await actualOutcomes(route, persona)).toEqual(expectedOutcomes(route, persona));
  });
});
