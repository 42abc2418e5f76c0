import Link from "next/link";
import { ArrowLeft, Building2, Ticket } from "lucide-react";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { SessionStatusBadge } from "@/components/pilot/session-status-badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

type Props = {
  title: string;
  status: SessionStatus;
  companyName: string | null;
  psaTicketRef: string | null;
  updatedAt: Date;
};

export function SessionHeader({ title, status, companyName, psaTicketRef, updatedAt }: Props) {
  return (
    <header>
      <Link
        href="/pilot"
        className={`inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`}
      >
        <ArrowLeft aria-hidden className="size-4" />
        My sessions
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <SessionStatusBadge status={status} />
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <Building2 aria-hidden className="size-4 text-slate-400" />
          {companyName ?? "No company"}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <Ticket aria-hidden className="size-4 text-slate-400" />
          {psaTicketRef ?? "No ticket linked"}
        </span>
        <span className="text-slate-500">
          Updated <RelativeTime date={updatedAt} />
        </span>
      </p>
    </header>
  );
}
