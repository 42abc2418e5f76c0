import type { EscalationDay } from "@/lib/analytics/escalation-metric";

/** A day of the series as the chart plots it: times in minutes, so the axis reads one unit. */
export type ChartDay = EscalationDay & { median_minutes: number | null };

const toMinutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

export function toChartDays(series: EscalationDay[]): ChartDay[] {
  return series.map((day) => ({ ...day, median_minutes: toMinutes(day.median_seconds) }));
}

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDayLabel = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
const minutesLabel = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
// Under a minute the ticks step in hundredths (a 10-second median ticks at 0.05 min), so keep two.
const fractionLabel = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** "Mar 4": an x-axis tick. */
export const shortDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));
/** "Tue, Mar 4": the tooltip's heading. */
export const longDay = (day: string) => longDayLabel.format(new Date(`${day}T00:00:00Z`));
/** "7.5", "1,440": a y-axis tick in minutes (the axis label names the unit). */
export const minutesTick = (minutes: number) => (Math.abs(minutes) < 1 ? fractionLabel : minutesLabel).format(minutes);
