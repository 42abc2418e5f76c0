"use client";

import { cn } from "@/components/ui/cn";
import { useEscalationStream, type StreamState } from "@/components/realtime/use-escalation-stream";

const labels: Record<Exclude<StreamState, "off">, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

const dots: Record<Exclude<StreamState, "off">, string> = {
  connecting: "bg-slate-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 motion-safe:animate-pulse",
};

/** A small live / reconnecting badge for the tab's escalation stream; nothing when there is no stream. */
export function StreamStatus({ className }: { className?: string }) {
  const { state } = useEscalationStream();
  if (state === "off") return null;
  return (
    <p
      role="status"
      data-testid="stream-status"
      data-state={state}
      className={cn("inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-2.5 py-1 text-xs font-medium text-slate-700", className)}
    >
      <span aria-hidden className={cn("size-2 rounded-full", dots[state])} />
      <span>
        <span className="sr-only">Escalation updates: </span>
        {labels[state]}
      </span>
    </p>
  );
}
