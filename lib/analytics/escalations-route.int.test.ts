import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/analytics/flowpilot/escalations/route";
import { ESCALATION_METRIC_DEFINITION } from "@/lib/analytics/escalation-metric";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
let other: TestTenant;

/** One escalation of `t` claimed 2 hours ago, first acted on `seconds` later. */
async function seedClaim(t: TestTenant, seconds: number) {
  const { session, handoff } = await createPendingHandoff(t.engineer);
  const claimedAt = new Date(Date.now() - 2 * 3_600_000);
  await db.sessionHandoff.update({ where: { id: handoff.id }, data: { claimedAt, claimedById: t.admin.id } });
  await db.aiSessionStep.create({
    data: { accountId: t.accountId, sessionId: session.id, userId: t.admin.id, kind: "engineer_message", content: "Looking", createdAt: new Date(claimedAt.getTime() + seconds * 1000) },
  });
}

beforeAll(async () => {
  tenant = await createTenant("Route MSP");
  other = await createTenant("Other route MSP");
  await seedClaim(tenant, 90);
  await seedClaim(other, 600);
});

const get = (as: string | undefined, query?: Record<string, string>) => callRoute(GET, "GET", { as, query });

describe("GET /api/v1/analytics/flowpilot/escalations", () => {
  it("returns the account's metric, defaulting to 30d", async () => {
    const response = await get(tenant.engineer.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      period: "30d", n_handoffs_claimed: 1, n_handoffs_with_action: 1,
      avg_seconds: 90, median_seconds: 90, p95_seconds: 90, metric_definition: ESCALATION_METRIC_DEFINITION,
    });
    expect(body.series).toHaveLength(31);
    expect(body.metric_definition).toMatch(/not "minutes saved"/);
  });

  it("honours ?period=7d and 90d", async () => {
    for (const [period, days] of [["7d", 8], ["90d", 91]] as const) {
      const body = await (await get(tenant.admin.id, { period })).json();
      expect(body).toMatchObject({ period, n_handoffs_claimed: 1, median_seconds: 90 });
      expect(body.series).toHaveLength(days);
    }
  });

  it("gives another tenant their own numbers, never these", async () => {
    const body = await (await get(other.owner.id)).json();
    expect(body).toMatchObject({ n_handoffs_claimed: 1, avg_seconds: 600 });
  });

  it("refuses viewers with 403 and signed-out callers with 401", async () => {
    const refused = await get(tenant.viewer.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "Engineer or admin access required." } });
    expect((await get(undefined)).status).toBe(401);
    expect((await get(tenant.removed.id)).status).toBe(401);
  });

  it.each(["1d", "30", "", "all"])("rejects period=%j with 422", async (period) => {
    const response = await get(tenant.engineer.id, { period });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "invalid" });
    expect(body.error.issues).toEqual([expect.objectContaining({ path: "period" })]);
    expect(body.error.message).not.toMatch(/^period: /);
  });
});
