import type { ReactNode } from "react";

/** One labelled fact about a ticket in the detail panel (a `<dl>` row). */
export function TicketFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm text-slate-900">{children}</dd>
    </div>
  );
}
