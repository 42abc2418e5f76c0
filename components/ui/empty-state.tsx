import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";

type Props = { icon: LucideIcon; title: string; children?: ReactNode };

export function EmptyState({ icon: Icon, title, children }: Props) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <span className="flex size-11 items-center justify-center rounded-full bg-slate-100">
        <Icon aria-hidden className="size-5 text-slate-500" />
      </span>
      <h2 className="mt-4 text-base font-semibold text-slate-900">{title}</h2>
      {children && <div className="mt-1 max-w-md text-sm text-slate-600">{children}</div>}
    </div>
  );
}
