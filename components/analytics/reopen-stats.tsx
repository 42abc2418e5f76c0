import type { ReopenMetric } from "@/lib/analytics/reopen-metric";
import { Card } from "@/components/ui/card";
import { MetricDefinitionNote } from "@/components/analytics/metric-definition-note";
import { StatCard } from "@/components/analytics/stat-card";

type Props = { metric: ReopenMetric; periodLabel: string };

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** L3: how many of the period's resolutions came back, as a row of stat cards. */
export function ReopenStats({ metric, periodLabel }: Props) {
  return (
    <Card className="space-y-4 p-4" aria-labelledby="reopen-title">
      <div>
        <h2 id="reopen-title" className="text-base font-semibold text-slate-900">Reopened resolutions</h2>
        <p className="mt-1 text-sm text-slate-600">
          {metric.n_resolved === 0
            ? `No sessions were resolved in the ${periodLabel.toLowerCase()}.`
            : `Sessions resolved in the ${periodLabel.toLowerCase()} whose ticket came back open.`}
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <StatCard label="Reopen rate" value={percent(metric.reopen_rate)} hint="Reopened ÷ resolved" />
        <StatCard label="Resolved" value={String(metric.n_resolved)} />
        <StatCard label="Reopened" value={String(metric.n_reopened)} />
      </dl>
      <MetricDefinitionNote definition={metric.metric_definition} />
    </Card>
  );
}
