"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import type { SeenBeforeItem } from "@/components/pilot/seen-before-fetch";

const OUTCOME: Record<SeenBeforeItem["outcome"], { label: string; tone: BadgeTone }> = {
  worked: { label: "Worked", tone: "green" },
  partially: { label: "Partly worked", tone: "amber" },
  untested: { label: "Not confirmed", tone: "neutral" },
  no_fix: { label: "No fix recorded", tone: "neutral" },
};

type Props = { item: SeenBeforeItem; canUse: boolean; pending: boolean; disabled: boolean; onUse: () => void };

/** One resolved session like this one: its title, the fix and how it went, who resolved it and when. */
export function SeenBeforeEntry({ item, canUse, pending, disabled, onUse }: Props) {
  const outcome = OUTCOME[item.outcome];
  return (
    <li className="py-3 first:pt-2 last:pb-0">
      {item.can_open ? (
        <Link href={`/pilot/${item.session_id}`} className="text-sm font-medium text-slate-900 underline-offset-2 hover:underline">
          {item.title}
        </Link>
      ) : (
        <p className="text-sm font-medium text-slate-900">{item.title}</p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-slate-700">
        <span className="min-w-0 break-words">{item.fix_title ?? "Resolved without a recorded fix"}</span>
        <Badge tone={outcome.tone}>{outcome.label}</Badge>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Resolved{item.resolved_by ? ` by ${item.resolved_by}` : ""}
        {item.resolved_at && <> <RelativeTime date={item.resolved_at} /></>}
      </p>
      {canUse && item.fix_id && (
        <Button size="sm" variant="secondary" className="mt-2" onClick={onUse} disabled={disabled} aria-label={`Use this fix: ${item.fix_title}`}>
          {pending && <Spinner />}
          Use this fix
        </Button>
      )}
    </li>
  );
}
