import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MatrixCase, MatrixFixture, Persona } from "@/tests/authz/matrix";
import type { DiscoveredRoute } from "@/tests/authz/route-discovery";

// Tenants A and B are connected to ConnectWise simulators on loopback over http: the test-only
// escape hatch of the outbound rules, set before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { errorStatus } = await import("@/lib/errors");
const { callRoute } = await import("@/tests/helpers/call-route");
const { createMatrixFixture, matrix, personas, personaUser } = await import("@/tests/authz/matrix");
const { installConnectWiseSimulator } = await import("@/tests/helpers/psa");
const { discoverRoutes } = await import("@/tests/authz/route-discovery");

/** The header values that opened Next.js middleware in CVE-2025-29927; here they must change nothing. */
const headerVariants: { name: string; headers: Record<string, string> }[] = [
  { name: "no bypass header", headers: {} },
  { name: "x-middleware-subrequest: proxy×5", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  {
    name: "x-middleware-subrequest: middleware×5",
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  },
];

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
