import type { Viewer } from "@/lib/auth/viewer";
import { guardRefusal, roleAllows } from "@/lib/auth/roles";
import { queryRows } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EscalationMetricInput, EscalationPeriod } from "@/lib/analytics/schemas";

const PERIOD_DAYS: Record<EscalationPeriod, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** Shipped in every response, like the escalation metric's, so the rate can't be read as more than it is. */
export const REOPEN_METRIC_DEFINITION =
  "Of the sessions resolved in the period, the share whose linked PSA ticket came back: it was read open again " +
  "after the resolve had moved it on, or a new session was started on the same ticket. Sessions without a linked " +
  "ticket count as resolved and can't be reopened. A reopen cleared by a later resolution with the same fix no " +
  "longer counts.";

export type ReopenMetric = {
  period: EscalationPeriod;
  n_resolved: number;
  n_reopened: number;
  /** n_reopened / n_resolved, 0–1; null when nothing was resolved in the period. */
  reopen_rate: number | null;
  metric_definition: string;
};

/**
 * L3: the reopen rate of the viewer's account over `period` (sessions resolved in it, and how many
 * of those are marked reopened now), in one statement. Throws forbidden for viewers.
 */
export async function getReopenMetric(viewer: Viewer, input: EscalationMetricInput): Promise<ReopenMetric> {
  if (!roleAllows("engineerOrAdmin", viewer.role)) throw forbidden(guardRefusal("engineerOrAdmin"));
  // Timestamps are UTC without a time zone (Prisma's default), so "now" is taken in UTC too.
  const [row] = await queryRows<{ n_resolved: number; n_reopened: number }>(Prisma.sql`
    SELECT count(*)::int AS n_resolved, count(reopened_at)::int AS n_reopened
      FROM ai_sessions
     WHERE account_id = ${viewer.accountId}::uuid
       AND status = 'resolved'
       AND resolved_at >= (now() AT TIME ZONE 'UTC') - make_interval(days => ${PERIOD_DAYS[input.period]}::int)`);
  const resolved = row?.n_resolved ?? 0;
  const reopened = row?.n_reopened ?? 0;
  return {
    period: input.period,
    n_resolved: resolved,
    n_reopened: reopened,
    reopen_rate: resolved === 0 ? null : reopened / resolved,
    metric_definition: REOPEN_METRIC_DEFINITION,
  };
}
