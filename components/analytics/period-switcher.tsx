import Link from "next/link";
import { ESCALATION_PERIODS, type EscalationPeriod } from "@/lib/analytics/schemas";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

export const periodLabels: Record<EscalationPeriod, string> = { "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days" };

type Props = { current: EscalationPeriod; basePath: string };

/** A segmented control made of links, so it works with a keyboard and without JavaScript. */
export function PeriodSwitcher({ current, basePath }: Props) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 shadow-sm">
      {ESCALATION_PERIODS.map((period) => {
        const active = period === current;
        return (
          <Link
            key={period}
            href={`${basePath}?period=${period}`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
              focusRing,
              active ? "bg-indigo-600 text-on-accent" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {periodLabels[period]}
          </Link>
        );
      })}
    </nav>
  );
}
