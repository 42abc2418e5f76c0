import type { Viewer } from "@/lib/auth/viewer";
import { guardRefusal, roleAllows } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { EscalationMetricInput, EscalationPeriod } from "@/lib/analytics/schemas";

const PERIOD_DAYS: Record<EscalationPeriod, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** Shipped in every response so no caller can present the number as more than it is. */
export const ESCALATION_METRIC_DEFINITION =
  "Time from a senior engineer claiming an escalation to their first recorded action in that session " +
  "(the first session step after the claim; the automatic \"Picked up by\" step does not count). " +
  "Only claimed escalations in the period count; claimed escalations with no action yet are counted as " +
  "claimed but left out of the average, median and p95. This is not \"minutes saved\": claiming a saving " +
  "needs a manual baseline of how long a handoff took before FlowPilot.";

/** One UTC day of the chart; days without claims are present with zero counts and a null median. */
export type EscalationDay = { day: string; n_claimed: number; n_with_action: number; median_seconds: number | null; p95_seconds: number | null };

export type EscalationMetric = {
  period: EscalationPeriod;
  n_handoffs_claimed: number;
  n_handoffs_with_action: number;
  avg_seconds: number | null;
  median_seconds: number | null;
  p95_seconds: number | null;
  metric_definition: string;
  series: EscalationDay[];
};

type MetricRow = Omit<EscalationMetric, "period" | "metric_definition" | "series"> & { series: EscalationDay[] };

/**
 * SPEC I1: claim-to-first-action seconds for the viewer's account over `period`, as totals and
 * a daily series, all aggregated by PostgreSQL in one query. Throws forbidden for viewers.
 */
export async function getEscalationMetric(viewer: Viewer, input: EscalationMetricInput): Promise<EscalationMetric> {
  if (!roleAllows("engineerOrAdmin", viewer.role)) throw forbidden(guardRefusal("engineerOrAdmin"));
  const days = PERIOD_DAYS[input.period];
  // Columns are `timestamp without time zone` holding UTC (Prisma's default), so "now" is taken
  // in UTC too; the server's TimeZone setting then can't shift the window or the day buckets.
  //
  // First action: the earliest step of the session stamped at or after the claim. The claim
  // writes its own "Picked up by" step in the same transaction; it is excluded by its metadata
  // type, not by time, because it is stamped within milliseconds of claimed_at (often the same
  // millisecond). With that step out of the way `>=` is the right comparison: timestamps have
  // millisecond precision, and a real action tied with the claim is a 0-second response, which
  // `>` would drop (reporting "no action" or a later step instead).
  //
  // The WHERE clause already keeps deltas >= 0; GREATEST is a guard so a future change to that
  // clause (say, tolerating clock drift between app servers) can never report a negative time.
  // GREATEST ignores NULLs in PostgreSQL, hence the CASE: no action must stay NULL, not become 0.
  //
  // Cost: `claims` is MATERIALIZED because the CASE below names first_action_at twice, and an
  // inlined CTE would run the subquery twice per claim; ORDER BY … LIMIT 1 reads one entry of
  // ai_session_steps_actions_by_time where min() would read every later step.
  const [row] = await db.$queryRaw<MetricRow[]>`
    WITH bounds AS (
      SELECT now() AT TIME ZONE 'UTC' AS until_at,
             (now() AT TIME ZONE 'UTC') - make_interval(days => ${days}::int) AS since_at
    ),
    claims AS MATERIALIZED (
      SELECT h.claimed_at,
             (SELECT s.created_at FROM ai_session_steps s
               WHERE s.session_id = h.session_id
                 AND s.account_id = h.account_id
                 AND s.created_at >= h.claimed_at
                 AND (s.metadata ->> 'type') IS DISTINCT FROM 'handoff_claimed'
               ORDER BY s.created_at LIMIT 1) AS first_action_at
        FROM session_handoffs h CROSS JOIN bounds b
       WHERE h.account_id = ${viewer.accountId}::uuid
         AND h.intent = 'escalate'
         AND h.claimed_at IS NOT NULL
         AND h.claimed_at >= b.since_at
    ),
    deltas AS (
      SELECT claimed_at,
             CASE WHEN first_action_at IS NOT NULL
                  THEN GREATEST(0, EXTRACT(EPOCH FROM first_action_at - claimed_at))::float8 END AS seconds
        FROM claims
    ),
    days AS (
      SELECT d.day::date AS day
        FROM bounds b,
             generate_series(date_trunc('day', b.since_at), date_trunc('day', b.until_at), interval '1 day') AS d(day)
    ),
    daily AS (
      SELECT days.day,
             count(x.claimed_at)::int AS n_claimed,
             count(x.seconds)::int AS n_with_action,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median_seconds,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY x.seconds) AS p95_seconds
        FROM days LEFT JOIN deltas x ON x.claimed_at::date = days.day
       GROUP BY days.day
    )
    SELECT count(*)::int AS n_handoffs_claimed,
           count(seconds)::int AS n_handoffs_with_action,
           round(avg(seconds)::numeric, 3)::float8 AS avg_seconds,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds))::numeric, 3)::float8 AS median_seconds,
           round((percentile_cont(0.95) WITHIN GROUP (ORDER BY seconds))::numeric, 3)::float8 AS p95_seconds,
           (SELECT json_agg(json_build_object(
                     'day', to_char(daily.day, 'YYYY-MM-DD'),
                     'n_claimed', daily.n_claimed,
                     'n_with_action', daily.n_with_action,
                     'median_seconds', round(daily.median_seconds::numeric, 3),
                     'p95_seconds', round(daily.p95_seconds::numeric, 3)) ORDER BY daily.day)
              FROM daily) AS series
      FROM deltas`;
  return { period: input.period, ...row!, metric_definition: ESCALATION_METRIC_DEFINITION };
}
