import type { ReactNode } from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** A failure the person must see (role="alert"), with the server's own words. */
export function ErrorCallout({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="alert" className={cn("flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800", className)}>
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div className="min-w-0 break-words">{children}</div>
    </div>
  );
}
