"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EscalationDay } from "@/lib/analytics/escalation-metric";
import { minutesTick, shortDay, toChartDays } from "@/components/analytics/chart-series";
import { EscalationChartTooltip } from "@/components/analytics/escalation-chart-tooltip";

// Colours come from the theme variables (app/globals.css), so the chart follows the dark theme.
const tick = { fontSize: 12, fill: "var(--chart-axis)" };
const axisTitle = { fontSize: 12, fill: "var(--chart-axis)", textAnchor: "middle" } as const;

type Props = { series: EscalationDay[] };

/**
 * Median claim-to-first-action per UTC day in minutes (line, left axis) over the claims that day
 * (bars, right axis). Days without an action leave a gap rather than a made-up zero. The axes are
 * wide enough that a tick never wraps; the table under the chart carries the same numbers.
 */
export function EscalationChart({ series }: Props) {
  return (
    <div className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={toChartDays(series)} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={tick} stroke="var(--chart-grid)" minTickGap={24} />
          <YAxis
            yAxisId="time"
            tickFormatter={minutesTick}
            tick={tick}
            stroke="var(--chart-grid)"
            width={64}
            label={{ value: "Minutes to first action", angle: -90, position: "insideLeft", style: axisTitle }}
          />
          <YAxis
            yAxisId="count"
            orientation="right"
            allowDecimals={false}
            tick={tick}
            stroke="var(--chart-grid)"
            width={56}
            label={{ value: "Escalations claimed", angle: 90, position: "insideRight", style: axisTitle }}
          />
          <Tooltip content={EscalationChartTooltip} cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }} />
          <Legend wrapperStyle={{ fontSize: 13 }} formatter={(value: string) => <span className="text-slate-700">{value}</span>} />
          <Bar yAxisId="count" dataKey="n_claimed" name="Escalations claimed" fill="var(--chart-bar)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line
            yAxisId="time"
            dataKey="median_minutes"
            name="Median time to first action"
            stroke="var(--chart-line)"
            strokeWidth={2}
            dot={{ r: 3, fill: "var(--chart-line)" }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
