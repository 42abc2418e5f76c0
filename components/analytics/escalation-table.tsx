import type { EscalationDay } from "@/lib/analytics/escalation-metric";
import { formatDuration } from "@/lib/analytics/format-duration";

type Props = { series: EscalationDay[] };

/** The chart's numbers as a table, for screen readers and anyone who wants the exact values. */
export function EscalationTable({ series }: Props) {
  const days = series.filter((day) => day.n_claimed > 0);
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Show the days with claims as a table</summary>
      {/* Scrolls sideways on a phone instead of widening the page; focusable so a keyboard can scroll it. */}
      <div role="region" aria-label="Claims per day" tabIndex={0} className="mt-2 overflow-x-auto">
        <table className="w-full text-left tabular-nums">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Day (UTC)</th>
              <th scope="col" className="py-1 pr-4 font-medium">Claimed</th>
              <th scope="col" className="py-1 pr-4 font-medium">With an action</th>
              <th scope="col" className="py-1 pr-4 font-medium">Median</th>
              <th scope="col" className="py-1 font-medium">95th percentile</th>
            </tr>
          </thead>
          <tbody className="text-slate-900">
            {days.map((day) => (
              <tr key={day.day} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">{day.day}</th>
                <td className="py-1 pr-4">{day.n_claimed}</td>
                <td className="py-1 pr-4">{day.n_with_action}</td>
                <td className="py-1 pr-4">{formatDuration(day.median_seconds)}</td>
                <td className="py-1">{formatDuration(day.p95_seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
