"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ErrorCallout } from "@/components/ui/error-callout";
import { focusRing } from "@/components/ui/focus-ring";
import { ListIcon } from "@/components/ui/list-icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { SessionStatusBadge } from "@/components/pilot/session-status-badge";
import { PickUpButton } from "@/components/escalations/pick-up-button";
import type { EscalationQueueItem } from "@/lib/handoffs/queue";

/** What the viewer may do with a row: claim it, or why not. */
export type RowPickUp = "claim" | "own" | "read-only";

type Props = {
  item: EscalationQueueItem;
  /** Arrived while the page was open: slides in and is marked new. */
  arrivedLive: boolean;
  pickUp: RowPickUp;
  /** The server's refusal of this viewer's claim, shown in the row. */
  refusal?: string;
  onRefused: (message: string) => void;
};

/** One waiting escalation: what, for whom, who escalated and why, how long it has waited, and Pick up. */
export function QueueRow({ item, arrivedLive, pickUp, refusal, onRefused }: Props) {
  // Rendered hidden first, shown on the next frame: the CSS transition is the slide-in.
  const [entered, setEntered] = useState(!arrivedLive);
  useEffect(() => {
    if (entered) return;
    const frame = requestAnimationFrame(() => setEntered(true));
    return () => cancelAnimationFrame(frame);
  }, [entered]);
  const titleId = `escalation-${item.sessionId}`;

  return (
    <li
      aria-labelledby={titleId}
      data-testid="escalation-row"
      data-session-id={item.sessionId}
      className={cn(
        "px-4 py-4 transition-[opacity,transform,background-color] duration-500 ease-out sm:px-5",
        "motion-reduce:translate-y-0 motion-reduce:transition-none",
        entered ? "translate-y-0 opacity-100" : "-translate-y-3 opacity-0",
        arrivedLive && "bg-indigo-50/40",
      )}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link
              id={titleId}
              href={`/pilot/${item.sessionId}?pickup=true&from=escalations`}
              className={cn("rounded font-medium text-slate-900 hover:text-indigo-700 hover:underline", focusRing)}
            >
              {item.title}
            </Link>
            <SessionStatusBadge status={item.status} />
            {arrivedLive && <Badge tone="indigo">New</Badge>}
          </div>
          <p className="mt-1 text-sm text-slate-700">{item.reason ?? "No reason given."}</p>
          <p className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-500">
            <span>Escalated by {item.escalatedBy.name}</span>
            <span className="inline-flex items-center gap-1.5">
              <ListIcon name="building" className="size-3.5 text-slate-400" />
              {item.companyName ?? "No company"}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <ListIcon name="ticket" className="size-3.5 text-slate-400" />
              {item.psaTicketRef ?? "No ticket"}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <ListIcon name="clock" className="size-3.5 text-slate-400" />
              Waiting since <RelativeTime date={item.waitingSince} />
            </span>
            {item.target && (
              <span className="inline-flex items-center gap-1.5">
                <ListIcon name="target" className="size-3.5 text-slate-400" />
                Asked for {item.target.name}
              </span>
            )}
          </p>
          {refusal && <ErrorCallout className="mt-3">{refusal}</ErrorCallout>}
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:pt-0.5">
          {pickUp === "claim" && item.handoffId && !refusal ? (
            <PickUpButton sessionId={item.sessionId} handoffId={item.handoffId} size="sm" describedBy={titleId} onRefused={onRefused} />
          ) : (
            <span className="text-xs text-slate-500">
              {pickUp === "own" ? "Your escalation" : pickUp === "read-only" ? "Read only" : "Open to read"}
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
