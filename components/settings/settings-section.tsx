import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

type Props = { id: string; title: string; description: string; children: ReactNode };

/** A titled card of Settings; long words (webhook URLs, ids) wrap inside it rather than widening the page. */
export function SettingsSection({ id, title, description, children }: Props) {
  return (
    <Card aria-labelledby={id} className="min-w-0 px-5 pt-5 pb-1 wrap-break-word sm:px-6">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      <div className="mt-2 divide-y divide-slate-100">{children}</div>
    </Card>
  );
}
