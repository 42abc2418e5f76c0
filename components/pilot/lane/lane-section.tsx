import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

type Props = {
  id: string;
  title: string;
  icon: LucideIcon;
  iconClassName?: string;
  count?: number;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** One section of the task lane: a card that is a named region (its heading), with an optional count and action. */
export function LaneSection({ id, title, icon: Icon, iconClassName, count, action, className, children }: Props) {
  return (
    <Card aria-labelledby={`${id}-heading`} className={cn("p-4", className)}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <Icon aria-hidden className={cn("size-4 text-slate-500", iconClassName)} />
          {title}
          {count !== undefined && count > 0 && (
            <span className="rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600 tabular-nums">{count}</span>
          )}
        </h2>
        {action}
      </div>
      {children}
    </Card>
  );
}
