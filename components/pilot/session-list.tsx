"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ListIcon } from "@/components/ui/list-icons";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { ReopenedBadge, SessionStatusBadge } from "@/components/pilot/session-status-badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

export type SessionSummary = {
  id: string;
  title: string;
  status: SessionStatus;
  companyName: string | null;
  psaTicketRef: string | null;
  updatedAt: Date;
  /** L3: the linked ticket came back open after this session resolved it. */
  reopenedAt?: Date | null;
  user: { id: string; name: string };
};

type Props = {
  sessions: SessionSummary[];
  /** Names the list for assistive technology: "My sessions" or "Team sessions". */
  label: string;
  /** The signed-in user, so a row started by someone else can say by whom. */
  viewerId: string;
};

/**
 * One page of sessions, each a link to its detail page. Every row carries status, company, ticket,
 * who started it (when not the viewer) and when it was last updated, so rows with the same title
 * are told apart.
 */
export function SessionList({ sessions, label, viewerId }: Props) {
  return (
    <Card className="overflow-hidden">
      <ul aria-label={label} className="divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.id} data-testid="session-row" data-session-id={session.id}>
            <Link
              href={`/pilot/${session.id}`}
              className={`group flex items-center gap-4 px-4 py-3.5 -outline-offset-2 hover:bg-slate-50 sm:px-5 ${focusRing}`}
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="min-w-0 truncate font-medium text-slate-900 group-hover:text-indigo-700">{session.title}</span>
                  <SessionStatusBadge status={session.status} />
                  {session.reopenedAt && <ReopenedBadge reopenedAt={session.reopenedAt} />}
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
                  <span className="inline-flex min-w-0 items-center gap-1.5">
                    <ListIcon name="building" className="size-3.5 shrink-0 text-slate-400" />
                    <span className="truncate">{session.companyName ?? "No company"}</span>
                  </span>
                  <span className="inline-flex items-center gap-1.5">
                    <ListIcon name="ticket" className="size-3.5 shrink-0 text-slate-400" />
                    {session.psaTicketRef ?? "No ticket linked"}
                  </span>
                  {session.user.id !== viewerId && (
                    <span className="inline-flex min-w-0 items-center gap-1.5">
                      <ListIcon name="user" className="size-3.5 shrink-0 text-slate-400" />
                      <span className="truncate">Started by {session.user.name}</span>
                    </span>
                  )}
                  <span className="inline-flex items-center gap-1.5 text-slate-500">
                    <ListIcon name="clock" className="size-3.5 shrink-0 text-slate-400" />
                    <span>
                      Updated <RelativeTime date={session.updatedAt} />
                    </span>
                  </span>
                </div>
              </div>
              <ListIcon name="chevronRight" className="size-4 shrink-0 text-slate-400 group-hover:text-slate-600" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
