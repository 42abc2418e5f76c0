import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

type Props = { view: "pending" | "all"; pendingCount: number | null };

/** Pending (the queue) or All (the audit view, with each draft's outcome), as links so Back and reload keep it. */
export function DraftViewToggle({ view, pendingCount }: Props) {
  const tab = (target: "pending" | "all", label: string) => (
    <Link
      href={target === "pending" ? "/scripts/drafts" : "/scripts/drafts?view=all"}
      aria-current={view === target ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
        view === target ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
        focusRing,
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Drafts to show" className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
      {tab("pending", pendingCount === null ? "Pending" : `Pending (${pendingCount})`)}
      {tab("all", "All")}
    </nav>
  );
}
