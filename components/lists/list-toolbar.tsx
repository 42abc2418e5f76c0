import type { ReactNode } from "react";

/** The search box and selects above a list, side by side from small screens up. */
export function ListToolbar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="search" aria-label={label} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      {children}
    </div>
  );
}
