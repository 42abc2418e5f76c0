"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EscalationDay } from "@/lib/analytics/escalation-metric";
import { formatDuration, formatDurationShort } from "@/lib/analytics/format-duration";

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const labelOf = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

type Props = { series: EscalationDay[] };

/**
 * Median claim-to-first-action per UTC day (line, left axis) over the claims that day (bars,
 * right axis). Days without an action leave a gap rather than a made-up zero.
 */
export function EscalationChart({ series }: Props) {
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="day" tickFormatter={labelOf} tick={{ fontSize: 12, fill: "#475569" }} minTickGap={24} />
          <YAxis yAxisId="time" tickFormatter={(value: number) => formatDurationShort(value)} tick={{ fontSize: 12, fill: "#475569" }} width={56} />
          <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} width={32} />
          <Tooltip
            labelFormatter={(day) => labelOf(String(day))}
            formatter={(value, name) => (name === "Median time to first action" ? formatDuration(typeof value === "number" ? value : null) : value)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="n_claimed" name="Escalations claimed" fill="#c7d2fe" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line
            yAxisId="time" dataKey="median_seconds" name="Median time to first action" stroke="#4f46e5" strokeWidth={2}
            dot={{ r: 3 }} connectNulls isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
