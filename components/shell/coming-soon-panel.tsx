import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

type Props = { icon: LucideIcon; title: string; summary: string; planned: string[]; children?: ReactNode };

/** An honest placeholder for a section that later work fills: what it will do, no fake data. */
export function ComingSoonPanel({ icon: Icon, title, summary, planned, children }: Props) {
  return (
    <Card className="p-6">
      <div className="flex items-start gap-4">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100">
          <Icon aria-hidden className="size-5 text-slate-500" />
        </span>
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-slate-900">{title}</h2>
            <Badge>Coming soon</Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">{summary}</p>
          <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {planned.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {children}
        </div>
      </div>
    </Card>
  );
}
