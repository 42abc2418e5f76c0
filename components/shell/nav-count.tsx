import { cn } from "@/components/ui/cn";
import type { NavCountKey } from "@/components/shell/nav-items";

const labels: Record<NavCountKey, (count: number) => string> = {
  escalations: (count) => `${count} ${count === 1 ? "escalation" : "escalations"} waiting`,
  scripts: (count) => `${count} draft ${count === 1 ? "template" : "templates"} waiting for review`,
};

const activeTone: Record<NavCountKey, string> = {
  escalations: "bg-red-600 text-on-accent",
  scripts: "bg-indigo-600 text-on-accent",
};

/**
 * The number beside a sidebar link, always rendered (0 included) so tests and people can rely on
 * it. role="img" lets the short visible number carry a full spoken label.
 */
export function NavCount({ kind, count }: { kind: NavCountKey; count: number }) {
  const label = labels[kind](count);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid={`nav-count-${kind}`}
      className={cn(
        "ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1.5 text-xs font-semibold tabular-nums",
        count > 0 ? activeTone[kind] : "bg-slate-200 text-slate-600",
      )}
    >
      {count}
    </span>
  );
}
