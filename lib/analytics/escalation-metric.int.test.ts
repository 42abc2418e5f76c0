import { describe, expect, it } from "vitest";
import { ESCALATION_METRIC_DEFINITION, getEscalationMetric, type EscalationMetric } from "@/lib/analytics/escalation-metric";
import type { EscalationPeriod } from "@/lib/analytics/schemas";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const SECOND = 1000;
const DAY = 86_400 * SECOND;

/** A UTC day `daysAgo` before today at 12:00, well inside any window that reaches it. */
function noonDaysAgo(daysAgo: number): Date {
  const day = new Date(Date.now() - daysAgo * DAY);
  day.setUTCHours(12, 0, 0, 0);
  return day;
}

type Step = { at: Date; type?: string };

/**
 * An escalation of `t`'s engineer claimed by `t`'s admin at `claimedAt` (null: unclaimed), with
 * the claim's own "Picked up by" step at the claim time, as claimHandoff writes it, plus `steps`.
 */
async function seedHandoff(t: TestTenant, claimedAt: Date | null, steps: Step[] = [], intent: "escalate" | "park" = "escalate") {
  const { session, handoff } = await createPendingHandoff(t.engineer, { intent });
  if (claimedAt) {
    await db.sessionHandoff.update({ where: { id: handoff.id }, data: { claimedAt, claimedById: t.admin.id } });
    steps = [{ at: claimedAt, type: "handoff_claimed" }, ...steps];
  }
  for (const step of steps) {
    await db.aiSessionStep.create({
      data: {
        accountId: t.accountId, sessionId: session.id, userId: t.admin.id, kind: "engineer_message",
        content: step.type ?? "Checked the event log", metadata: step.type ? { type: step.type, handoff_id: handoff.id } : undefined,
        createdAt: step.at,
      },
    });
  }
  return { session, handoff };
}

const after = (claimedAt: Date, seconds: number): Step => ({ at: new Date(claimedAt.getTime() + seconds * SECOND) });

const metricFor = (t: TestTenant, period: EscalationPeriod = "30d") => getEscalationMetric(viewerOf(t.engineer), { period });

const totals = ({ n_handoffs_claimed, n_handoffs_with_action, avg_seconds, median_seconds, p95_seconds }: EscalationMetric) => ({
  n_handoffs_claimed, n_handoffs_with_action, avg_seconds, median_seconds, p95_seconds,
});

const NO_DATA = { n_handoffs_claimed: 0, n_handoffs_with_action: 0, avg_seconds: null, median_seconds: null, p95_seconds: null };

describe("getEscalationMetric", () => {
  it("happy path: one claim, first action 4 min 12 s later", async () => {
    const t = await createTenant("Happy MSP");
    const claimedAt = noonDaysAgo(2);
    await seedHandoff(t, claimedAt, [after(claimedAt, 252), after(claimedAt, 600)]);
    const metric = await metricFor(t);
    expect(metric).toMatchObject({ period: "30d", metric_definition: ESCALATION_METRIC_DEFINITION });
    expect(totals(metric)).toEqual({ n_handoffs_claimed: 1, n_handoffs_with_action: 1, avg_seconds: 252, median_seconds: 252, p95_seconds: 252 });
  });

  it("zero data: counts 0, stats null, every day of the window present and empty", async () => {
    const t = await createTenant("Empty MSP");
    const metric = await metricFor(t);
    expect(totals(metric)).toEqual(NO_DATA);
    // The window starts part-way through its first day, so 30d spans 31 calendar days.
    expect(metric.series).toHaveLength(31);
    expect(metric.series.every((d) => d.n_claimed === 0 && d.n_with_action === 0 && d.median_seconds === null)).toBe(true);
    expect(metric.series.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect((await metricFor(t, "7d")).series).toHaveLength(8);
    expect((await metricFor(t, "90d")).series).toHaveLength(91);
  });

  it("counts a claim with no action yet as claimed but not with action, and keeps it out of the stats", async () => {
    const t = await createTenant("No action MSP");
    const claimedAt = noonDaysAgo(1);
    await seedHandoff(t, claimedAt);
    await seedHandoff(t, claimedAt, [after(claimedAt, 30)]);
    expect(totals(await metricFor(t))).toEqual({ n_handoffs_claimed: 2, n_handoffs_with_action: 1, avg_seconds: 30, median_seconds: 30, p95_seconds: 30 });
  });

  it("windows by claim time: 10 days ago is in 30d not 7d; 40 days ago only in 90d; 100 days ago nowhere", async () => {
    const t = await createTenant("Window MSP");
    for (const [daysAgo, seconds] of [[10, 60], [40, 120], [100, 240]] as const) {
      const claimedAt = noonDaysAgo(daysAgo);
      await seedHandoff(t, claimedAt, [after(claimedAt, seconds)]);
    }
    expect(totals(await metricFor(t, "7d"))).toEqual(NO_DATA);
    expect(totals(await metricFor(t, "30d"))).toEqual({ n_handoffs_claimed: 1, n_handoffs_with_action: 1, avg_seconds: 60, median_seconds: 60, p95_seconds: 60 });
    expect(totals(await metricFor(t, "90d"))).toEqual({ n_handoffs_claimed: 2, n_handoffs_with_action: 2, avg_seconds: 90, median_seconds: 90, p95_seconds: 117 });
  });

  it("aggregates several handoffs: avg, median and p95 match hand-computed values", async () => {
    const t = await createTenant("Many MSP");
    const claimedAt = noonDaysAgo(3);
    for (const seconds of [100, 10, 40, 30, 20]) await seedHandoff(t, claimedAt, [after(claimedAt, seconds)]);
    // Sorted 10, 20, 30, 40, 100: mean 40; median 30; p95 at rank 0.95 × 4 = 3.8 → 40 + 0.8 × 60 = 88.
    expect(totals(await metricFor(t))).toEqual({ n_handoffs_claimed: 5, n_handoffs_with_action: 5, avg_seconds: 40, median_seconds: 30, p95_seconds: 88 });
  });

  it("never reports a negative time: steps stamped before the claim are not actions after it", async () => {
    const t = await createTenant("Drift MSP");
    const claimedAt = noonDaysAgo(1);
    // Only a step 30 s before the claim: no action after it.
    await seedHandoff(t, claimedAt, [after(claimedAt, -30)]);
    // A step before and one 15 s after: the one after is the first action.
    await seedHandoff(t, claimedAt, [after(claimedAt, -5), after(claimedAt, 15)]);
    const metric = await metricFor(t);
    expect(totals(metric)).toEqual({ n_handoffs_claimed: 2, n_handoffs_with_action: 1, avg_seconds: 15, median_seconds: 15, p95_seconds: 15 });
  });

  it("counts a step stamped in the claim's own millisecond as a 0-second action", async () => {
    const t = await createTenant("Tie MSP");
    const claimedAt = noonDaysAgo(1);
    await seedHandoff(t, claimedAt, [after(claimedAt, 0)]);
    await seedHandoff(t, claimedAt, [after(claimedAt, 20)]);
    expect(totals(await metricFor(t))).toEqual({ n_handoffs_claimed: 2, n_handoffs_with_action: 2, avg_seconds: 10, median_seconds: 10, p95_seconds: 19 });
  });

  it("does not count the claim's own \"Picked up by\" step as the first action", async () => {
    const t = await createTenant("Claim step MSP");
    const { session, handoff } = await createPendingHandoff(t.engineer);
    await claimHandoff(viewerOf(t.admin), { sessionId: session.id, handoffId: handoff.id });
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(1);
    expect(totals(await metricFor(t))).toMatchObject({ n_handoffs_claimed: 1, n_handoffs_with_action: 0, median_seconds: null });

    const { claimedAt } = await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } });
    // A second claim-type step later (another handoff of the session, say) isn't an action either.
    await db.aiSessionStep.create({
      data: { accountId: t.accountId, sessionId: session.id, kind: "engineer_action", content: "Picked up by someone", metadata: { type: "handoff_claimed" }, createdAt: new Date(claimedAt!.getTime() + 5 * SECOND) },
    });
    await db.aiSessionStep.create({
      data: { accountId: t.accountId, sessionId: session.id, userId: t.admin.id, kind: "engineer_message", content: "Rebooting the VPN appliance", createdAt: new Date(claimedAt!.getTime() + 42 * SECOND) },
    });
    expect(totals(await metricFor(t))).toEqual({ n_handoffs_claimed: 1, n_handoffs_with_action: 1, avg_seconds: 42, median_seconds: 42, p95_seconds: 42 });
  });

  it("excludes unclaimed escalations and parked handoffs", async () => {
    const t = await createTenant("Unclaimed MSP");
    const claimedAt = noonDaysAgo(1);
    await seedHandoff(t, null, [after(claimedAt, 10)]);
    await seedHandoff(t, claimedAt, [after(claimedAt, 10)], "park");
    await seedHandoff(t, claimedAt, [after(claimedAt, 70)]);
    expect(totals(await metricFor(t))).toEqual({ n_handoffs_claimed: 1, n_handoffs_with_action: 1, avg_seconds: 70, median_seconds: 70, p95_seconds: 70 });
  });

  it("never counts another tenant's handoffs", async () => {
    const a = await createTenant("Tenant A");
    const b = await createTenant("Tenant B");
    const claimedAt = noonDaysAgo(1);
    await seedHandoff(b, claimedAt, [after(claimedAt, 500)]);
    await seedHandoff(b, claimedAt);
    expect(totals(await metricFor(a))).toEqual(NO_DATA);
    await seedHandoff(a, claimedAt, [after(claimedAt, 5)]);
    expect(totals(await metricFor(a))).toEqual({ n_handoffs_claimed: 1, n_handoffs_with_action: 1, avg_seconds: 5, median_seconds: 5, p95_seconds: 5 });
    expect(totals(await metricFor(b))).toEqual({ n_handoffs_claimed: 2, n_handoffs_with_action: 1, avg_seconds: 500, median_seconds: 500, p95_seconds: 500 });
  });

  it("series: per claim day, the counts, the median and the p95; other days zero", async () => {
    const t = await createTenant("Series MSP");
    const busy = noonDaysAgo(3);
    const quiet = noonDaysAgo(5);
    await seedHandoff(t, busy, [after(busy, 60)]);
    await seedHandoff(t, new Date(busy.getTime() + 3_600 * SECOND), [after(new Date(busy.getTime() + 3_600 * SECOND), 120)]);
    await seedHandoff(t, busy);
    await seedHandoff(t, quiet, [after(quiet, 30)]);
    const { series } = await metricFor(t, "7d");
    const dayOf = (d: Date) => d.toISOString().slice(0, 10);
    expect(series.find((d) => d.day === dayOf(busy))).toEqual({ day: dayOf(busy), n_claimed: 3, n_with_action: 2, median_seconds: 90, p95_seconds: 117 });
    expect(series.find((d) => d.day === dayOf(quiet))).toEqual({ day: dayOf(quiet), n_claimed: 1, n_with_action: 1, median_seconds: 30, p95_seconds: 30 });
    const others = series.filter((d) => d.day !== dayOf(busy) && d.day !== dayOf(quiet));
    expect(others).toHaveLength(6);
    expect(others.every((d) => d.n_claimed === 0 && d.median_seconds === null && d.p95_seconds === null)).toBe(true);
    expect(series.map((d) => d.day)).toEqual([...series.map((d) => d.day)].sort());
  });

  it("refuses viewers", async () => {
    const t = await createTenant("Viewer MSP");
    await expect(getEscalationMetric(viewerOf(t.viewer), { period: "30d" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
