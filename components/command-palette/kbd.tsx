import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One key as a key cap. */
export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[11px] font-medium text-slate-600",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
