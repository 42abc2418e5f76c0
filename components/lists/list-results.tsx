"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { useListNavigation } from "@/components/lists/list-navigation";

/** The rows of a list: dimmed and marked busy while the server renders them for a new search or page. */
export function ListResults({ children }: { children: ReactNode }) {
  const { pending } = useListNavigation();
  return (
    <div className="relative">
      <div aria-busy={pending} data-testid="list-results" className={cn("space-y-3 transition-opacity", pending && "opacity-60")}>
        {children}
      </div>
      {/* Over the rows rather than above them, so the list doesn't jump when it appears. */}
      <div role="status" className="pointer-events-none absolute inset-x-0 top-3 flex justify-center">
        {pending && (
          <span className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 shadow-sm">
            <Spinner />
            Updating the list…
          </span>
        )}
      </div>
    </div>
  );
}
