import { Inbox } from "lucide-react";
import type { EscalationMetric } from "@/lib/analytics/escalation-metric";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EscalationChart } from "@/components/analytics/escalation-chart";
import { EscalationStats } from "@/components/analytics/escalation-stats";
import { EscalationTable } from "@/components/analytics/escalation-table";
import { MetricDefinitionNote } from "@/components/analytics/metric-definition-note";

type Props = { metric: EscalationMetric; periodLabel: string };

/** The escalation metric for one period: stat cards, the daily chart and what it all means. */
export function EscalationReport({ metric, periodLabel }: Props) {
  if (metric.n_handoffs_claimed === 0) {
    return (
      <div className="space-y-4">
        <EmptyState icon={Inbox} title={`No escalations were claimed in the ${periodLabel.toLowerCase()}`}>
          Numbers appear here once a senior engineer picks up an escalation. Try a longer period.
        </EmptyState>
        <MetricDefinitionNote definition={metric.metric_definition} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <EscalationStats metric={metric} />
      <MetricDefinitionNote definition={metric.metric_definition} />
      <Card className="p-4">
        <h2 id="escalation-chart-title" className="text-base font-semibold text-slate-900">Claim to first action, per day</h2>
        <p className="mt-1 text-sm text-slate-600">Median minutes to the first action (line) and escalations claimed (bars), by UTC day. Hover a day for its numbers, or open the table below.</p>
        <figure aria-labelledby="escalation-chart-title" className="mt-4">
          <EscalationChart series={metric.series} />
        </figure>
        <EscalationTable series={metric.series} />
      </Card>
    </div>
  );
}
