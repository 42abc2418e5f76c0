"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ArrowLeft, Building2, Ticket } from "lucide-react";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { ReopenedBadge, SessionStatusBadge } from "@/components/pilot/session-status-badge";
import { SpinOffTicketDialog, type SpunOffTicket } from "@/components/pilot/spin-off-ticket-dialog";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

type Props = {
  title: string;
  status: SessionStatus;
  companyName: string | null;
  psaTicketRef: string | null;
  updatedAt: Date;
  /** L3: set when the linked ticket came back open after this session resolved it. */
  reopenedAt?: Date | null;
  /** The linked ticket (getPilotView's `psa.ticket`); without it the id is read from the ref ("CW #48233"). */
  psaTicket?: { id: string; ref: string } | null;
  /** G6: offer "Spin off ticket" (getPilotView's `psa.canSpinOff`); needs `sessionId`. */
  canSpinOff?: boolean;
  sessionId?: string;
};

/** Back to where the person came from: the queue for `?from=escalations` (queue rows, escalation alerts), else their sessions. */
function backLinkFor(from: string | null) {
  return from === "escalations" ? { href: "/escalations", label: "Escalations" } : { href: "/pilot", label: "My sessions" };
}

function ticketFromRef(ref: string | null): { id: string; ref: string } | null {
  const id = ref ? /#(\d+)\s*$/.exec(ref)?.[1] : undefined;
  return ref && id ? { id, ref } : null;
}

/**
 * The session's back link (to the queue or to My sessions, by `?from=`), title, status, company
 * and linked ticket (a link to it on the Tickets page). For
 * a session the viewer works on with no ticket, "Spin off ticket" creates and links one; the link
 * then shows at once (and keeps focus) while the page refreshes with it.
 */
export function SessionHeader({ title, status, companyName, psaTicketRef, updatedAt, reopenedAt, psaTicket, canSpinOff, sessionId }: Props) {
  const [spunOff, setSpunOff] = useState<SpunOffTicket | null>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const ticket = psaTicket ?? ticketFromRef(psaTicketRef) ?? spunOff;
  // Read here rather than passed down, so the working page and the read-only one both follow it.
  const back = backLinkFor(useSearchParams().get("from"));

  useEffect(() => {
    if (spunOff) linkRef.current?.focus();
  }, [spunOff]);

  return (
    <header>
      <Link
        href={back.href}
        data-testid="session-back-link"
        className={`inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`}
      >
        <ArrowLeft aria-hidden className="size-4" />
        {back.label}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <SessionStatusBadge status={status} />
        {reopenedAt && <ReopenedBadge reopenedAt={reopenedAt} />}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <Building2 aria-hidden className="size-4 text-slate-400" />
          {companyName ?? spunOff?.companyName ?? "No company"}
        </span>
        <span className="inline-flex items-center gap-1.5" data-testid="session-ticket">
          <Ticket aria-hidden className="size-4 text-slate-400" />
          {ticket ? (
            <Link
              ref={linkRef}
              href={`/tickets?ticket=${encodeURIComponent(ticket.id)}`}
              aria-label={`Linked ticket ${ticket.ref}, open it on the Tickets page`}
              className={`rounded font-medium text-indigo-700 hover:underline ${focusRing}`}
            >
              {ticket.ref}
            </Link>
          ) : (
            "No ticket linked"
          )}
        </span>
        {!ticket && canSpinOff && sessionId && <SpinOffTicketDialog sessionId={sessionId} title={title} companyName={companyName} onSpunOff={setSpunOff} />}
        <span className="text-slate-500">
          Updated <RelativeTime date={updatedAt} />
        </span>
      </div>
    </header>
  );
}
