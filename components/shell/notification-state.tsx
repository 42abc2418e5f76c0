import { CircleCheck, Clock } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { BellRowState } from "@/lib/notifications/bell";

/** What an escalation's bell row says about it: still waiting, or who picked it up. */
export function stateLabel(state: BellRowState): string {
  if (state.kind === "waiting") return "Waiting for pickup";
  if (state.kind === "closed") return "No longer waiting";
  return state.byViewer ? "Picked up by you" : `Picked up by ${state.byName}`;
}

/** The small status line of an escalation's bell row. */
export function NotificationState({ state }: { state: BellRowState }) {
  const Icon = state.kind === "waiting" ? Clock : CircleCheck;
  return (
    <span
      data-testid="notification-state"
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 text-xs font-medium",
        state.kind === "waiting" ? "bg-amber-50 text-amber-800" : state.kind === "picked_up" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700",
      )}
    >
      <Icon aria-hidden className="size-3" />
      {stateLabel(state)}
    </span>
  );
}
