import Link from "next/link";
import { Building2, ChevronRight } from "lucide-react";
import { Card } from "@/components/ui/card";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { SessionStatusBadge } from "@/components/pilot/session-status-badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

type EscalatedSession = {
  id: string;
  title: string;
  status: SessionStatus;
  companyName: string | null;
  escalationReason: string | null;
  escalatedAt: Date | null;
  user: { name: string };
};

/** Sessions in transit to a senior, each linking to its handoff context. */
export function EscalationList({ sessions }: { sessions: EscalatedSession[] }) {
  return (
    <Card className="overflow-hidden">
      <ul aria-label="Escalations waiting" className="divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.id}>
            <Link
              href={`/pilot/${session.id}?pickup=true`}
              className={`group flex items-center gap-4 px-4 py-3.5 -outline-offset-2 hover:bg-slate-50 sm:px-5 ${focusRing}`}
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium text-slate-900 group-hover:text-indigo-700">{session.title}</span>
                  <SessionStatusBadge status={session.status} />
                </div>
                <p className="mt-1 text-sm text-slate-700">{session.escalationReason ?? "No reason given."}</p>
                <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-500">
                  <span className="inline-flex items-center gap-1.5">
                    <Building2 aria-hidden className="size-3.5 text-slate-400" />
                    {session.companyName ?? "No company"}
                  </span>
                  <span>
                    Escalated by {session.user.name}
                    {session.escalatedAt && (
                      <>
                        {" "}
                        <RelativeTime date={session.escalatedAt} />
                      </>
                    )}
                  </span>
                </p>
              </div>
              <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400 group-hover:text-slate-600" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
