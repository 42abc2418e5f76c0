"use client";

import { formatRelativeTime } from "@/components/ui/format-relative-time";

/**
 * "12 minutes ago" with the exact time as a tooltip. Server and browser clocks differ by the
 * render delay, so the text may change on hydration; that is expected and suppressed.
 */
export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const value = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={value.toISOString()} title={value.toLocaleString()} className={className} suppressHydrationWarning>
      {formatRelativeTime(value)}
    </time>
  );
}
