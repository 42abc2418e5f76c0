import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/analytics/flowpilot/reopens/route";
import { REOPEN_METRIC_DEFINITION } from "@/lib/analytics/reopen-metric";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
let other: TestTenant;
const DAY = 86_400_000;

/** A session of `t` resolved `daysAgo` days ago, reopened or not. */
async function resolved(t: TestTenant, daysAgo: number, reopened: boolean) {
  const session = await createSessionFor(t.engineer, { status: "resolved" });
  const resolvedAt = new Date(Date.now() - daysAgo * DAY);
  await db.aiSession.update({ where: { id: session.id }, data: { resolvedAt, reopenedAt: reopened ? new Date(resolvedAt.getTime() + DAY / 2) : null } });
}

beforeAll(async () => {
  tenant = await createTenant("Reopen metric MSP");
  other = await createTenant("Other reopen metric MSP");
  await resolved(tenant, 1, true);
  await resolved(tenant, 2, false);
  await resolved(tenant, 3, false);
  await resolved(tenant, 4, false);
  await resolved(tenant, 20, true); // inside 30d, outside 7d
  await resolved(tenant, 60, false); // inside 90d only
  // An unresolved session with a stale mark never counts.
  const active = await createSessionFor(tenant.engineer, { status: "active" });
  await db.aiSession.update({ where: { id: active.id }, data: { reopenedAt: new Date() } });
  await resolved(other, 1, true);
  await resolved(other, 1, true);
});

const get = (as: string | undefined, query?: Record<string, string>) => callRoute(GET, "GET", { as, query });

describe("GET /api/v1/analytics/flowpilot/reopens", () => {
  it("reports reopened / resolved for the period, defaulting to 30d", async () => {
    const response = await get(tenant.engineer.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ period: "30d", n_resolved: 5, n_reopened: 2, reopen_rate: 0.4, metric_definition: REOPEN_METRIC_DEFINITION });
    expect(await (await get(tenant.admin.id, { period: "7d" })).json()).toMatchObject({ n_resolved: 4, n_reopened: 1, reopen_rate: 0.25 });
    expect(await (await get(tenant.owner.id, { period: "90d" })).json()).toMatchObject({ n_resolved: 6, n_reopened: 2 });
  });

  it("counts only the caller's account", async () => {
    expect(await (await get(other.engineer.id, { period: "7d" })).json()).toMatchObject({ n_resolved: 2, n_reopened: 2, reopen_rate: 1 });
  });

  it("answers a null rate when nothing was resolved", async () => {
    const empty = await createTenant("Nothing resolved MSP");
    expect(await (await get(empty.engineer.id)).json()).toMatchObject({ n_resolved: 0, n_reopened: 0, reopen_rate: null });
  });

  it("refuses viewers (403) and an unknown period (422)", async () => {
    const refused = await get(tenant.viewer.id);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    const invalid = await get(tenant.engineer.id, { period: "1y" });
    expect(invalid.status).toBe(422);
  });
});
