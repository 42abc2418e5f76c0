/**
 * The authorization matrix stays exhaustive: every route handler Next.js would serve (any
 * `route.*` under `app/`, any method it may export; tests/authz/route-discovery.ts) has a row in
 * tests/authz/rows/, or is named in `outsideTheMatrix` with a reason, and nothing names a route
 * that is gone. A handler added without a row fails here, before the matrix runs it.
 */
import { describe, expect, it } from "vitest";
import { matrix } from "@/tests/authz/matrix";
import { discoverRoutes, outsideTheMatrix, routeFiles } from "@/tests/authz/route-discovery";

const routes = await discoverRoutes();
const known = new Set(routes.map((route) => route.key));

describe("authorization matrix coverage", () => {
  it("walks every route file under app/, the API's and the rest", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain("api/auth/[...nextauth]/route.ts");
    expect(files).toContain("api/v1/ai-sessions/[id]/route.ts");
  });

  it("has a row for every exported route method", () => {
    const missing = routes
      .filter((route) => !(route.key in matrix) && !(route.key in outsideTheMatrix))
      .map((route) => `${route.key}  (${route.file})`);
    expect(
      missing,
      "Add a row for each of these to tests/authz/rows/<area>.ts (format documented in tests/authz/expectations.ts): every route needs its expected status per persona.",
    ).toEqual([]);
  });

  it("has a route for every row and every exemption", () => {
    const stale = [...Object.keys(matrix), ...Object.keys(outsideTheMatrix)].filter((key) => !known.has(key));
    expect(stale, "These keys name no exported route method; fix the key or remove it.").toEqual([]);
  });

  it("never both rows and exempts a route", () => {
    expect(Object.keys(outsideTheMatrix).filter((key) => key in matrix)).toEqual([]);
  });

  it("labels every case of a multi-case row", () => {
    const unlabeled = Object.entries(matrix)
      .filter(([, row]) => Array.isArray(row) && row.some((entry) => !entry.label))
      .map(([key]) => key);
    expect(unlabeled).toEqual([]);
  });
});
