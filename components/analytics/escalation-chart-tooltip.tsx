import type { TooltipContentProps } from "recharts";
import { formatDuration } from "@/lib/analytics/format-duration";
import { longDay, type ChartDay } from "@/components/analytics/chart-series";

/** The hover card of one day: claims, how many got an action, and the day's median and p95. */
export function EscalationChartTooltip({ active, payload }: Pick<TooltipContentProps, "active" | "payload">) {
  const day = payload?.[0]?.payload as ChartDay | undefined;
  if (!active || !day) return null;
  return (
    <div className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg">
      <p className="font-medium text-slate-900">{longDay(day.day)} (UTC)</p>
      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 tabular-nums">
        <dt>Escalations claimed</dt>
        <dd className="text-right font-medium text-slate-900">{day.n_claimed}</dd>
        <dt>With an action</dt>
        <dd className="text-right font-medium text-slate-900">{day.n_with_action}</dd>
        <dt>Median to first action</dt>
        <dd className="text-right font-medium text-slate-900">{formatDuration(day.median_seconds)}</dd>
        <dt>95th percentile</dt>
        <dd className="text-right font-medium text-slate-900">{formatDuration(day.p95_seconds)}</dd>
      </dl>
    </div>
  );
}
