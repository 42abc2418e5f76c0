import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { focusRing } from "@/components/ui/focus-ring";
import { SessionStatusBadge } from "@/components/pilot/session-status-badge";
import type { LinkedSession } from "@/components/tickets/ticket-view-types";

/** The FlowPilot sessions linked to this ticket that the viewer may open. */
export function LinkedSessions({ sessions }: { sessions: LinkedSession[] }) {
  return (
    <section aria-labelledby="linked-sessions" className="space-y-2">
      <h3 id="linked-sessions" className="text-sm font-semibold text-slate-900">
        FlowPilot sessions
      </h3>
      {sessions.length === 0 ? (
        <p className="text-sm text-slate-500">No session is linked to this ticket yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {sessions.map((session) => (
            <li key={session.id}>
              <Link href={`/pilot/${session.id}`} className={`flex items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50 ${focusRing}`}>
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{session.title}</span>
                <SessionStatusBadge status={session.status} />
                <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
