import { TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

/**
 * G5: what the PSA would not let FlowPilot read, said plainly next to what is missing. A hint,
 * not an error: the rest of the page works. Duplicates are shown once.
 */
export function PsaHints({ hints, className }: { hints: (string | undefined | null)[]; className?: string }) {
  const shown = [...new Set(hints.filter((hint): hint is string => Boolean(hint)))];
  if (shown.length === 0) return null;
  return (
    <div data-testid="psa-hint" className={cn("rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900", className)}>
      <ul className="space-y-1">
        {shown.map((hint) => (
          <li key={hint} className="flex items-start gap-2">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
            <span className="min-w-0 break-words">{hint}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
