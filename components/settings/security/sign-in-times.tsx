"use client";

import { formatRelativeTime } from "@/components/ui/format-relative-time";
import { cn } from "@/components/ui/cn";

/**
 * "Active now" within this long: the server refreshes a sign-in's last seen at most every 5
 * minutes (LAST_SEEN_GRANULARITY_MS), so a browser in use is never older than that.
 */
const ACTIVE_NOW_MS = 5 * 60_000;

const dateOf = (value: Date) => value.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

type Props = { id: string; createdAt: string; lastSeenAt: string };

/**
 * When a sign-in began (a date) and when it was last used ("Active now", "3 hours ago"), in the
 * browser's own time zone; the exact times are tooltips. Server and browser clocks and zones
 * differ, so the text may change on hydration; that is expected and suppressed.
 */
export function SignInTimes({ id, createdAt, lastSeenAt }: Props) {
  const created = new Date(createdAt);
  const seen = new Date(lastSeenAt);
  const activeNow = isRecent(seen);
  return (
    <p id={id} className="mt-0.5 text-sm text-slate-600">
      Signed in{" "}
      <time dateTime={created.toISOString()} title={created.toLocaleString()} className="whitespace-nowrap" suppressHydrationWarning>
        {dateOf(created)}
      </time>
      <span aria-hidden> · </span>
      <span className="sr-only">, </span>
      <time dateTime={seen.toISOString()} title={seen.toLocaleString()} className={cn("whitespace-nowrap", activeNow && "font-medium text-emerald-700")} suppressHydrationWarning>
        {activeNow ? "Active now" : `Last seen ${formatRelativeTime(seen)}`}
      </time>
    </p>
  );
}

function isRecent(date: Date, now: Date = new Date()): boolean {
  return now.getTime() - date.getTime() < ACTIVE_NOW_MS;
}
