import type { EscalationMetric } from "@/lib/analytics/escalation-metric";
import { formatDuration } from "@/lib/analytics/format-duration";
import { StatCard } from "@/components/analytics/stat-card";

type Props = { metric: EscalationMetric };

/** Counts and claim-to-first-action times for the period, as stat cards. */
export function EscalationStats({ metric }: Props) {
  const pending = metric.n_handoffs_claimed - metric.n_handoffs_with_action;
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
      <StatCard label="Escalations claimed" value={String(metric.n_handoffs_claimed)} />
      <StatCard
        label="With an action"
        value={String(metric.n_handoffs_with_action)}
        hint={pending > 0 ? `${pending} claimed with no action yet` : undefined}
      />
      <StatCard label="Average" value={formatDuration(metric.avg_seconds)} hint="Claim to first action" />
      <StatCard label="Median" value={formatDuration(metric.median_seconds)} hint="Half were quicker than this" />
      <StatCard label="95th percentile" value={formatDuration(metric.p95_seconds)} hint="All but the slowest 5%" />
    </dl>
  );
}
