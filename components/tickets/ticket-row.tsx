"use client";

import type { MouseEvent } from "react";
import type { PsaTicket } from "@/lib/psa/provider";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";

type Props = { ticket: PsaTicket; href: string; selected: boolean; onOpen: (ticketId: string) => void };

const cell = "py-3 pr-3 align-top";

/**
 * One ticket in the results. The summary is a real link (new tab works); a plain click opens the
 * detail panel in place. Below `md` the columns fold into the summary cell.
 */
export function TicketRow({ ticket, href, selected, onOpen }: Props) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(ticket.id);
  }
  const owner = ticket.owner?.name ?? "Unassigned";
  return (
    <tr data-ticket-row={ticket.id} className={cn("border-t border-slate-100 hover:bg-slate-50", selected && "bg-indigo-50/60")}>
      <td className={cn(cell, "pl-4 sm:pl-5")}>
        <a
          href={href}
          onClick={handleClick}
          data-ticket-link={ticket.id}
          aria-current={selected || undefined}
          className={cn("group block rounded font-medium text-slate-900", focusRing)}
        >
          <span className="mr-2 text-sm text-slate-600 tabular-nums">#{ticket.id}</span>
          <span className="group-hover:text-indigo-700 group-hover:underline">{ticket.summary}</span>
        </a>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 md:hidden">
          <TicketStatusBadge ticket={ticket} />
          <span>{ticket.company?.name ?? "No company"}</span>
          <span>{owner}</span>
        </div>
      </td>
      <td className={cn(cell, "hidden text-sm text-slate-700 md:table-cell")}>{ticket.company?.name ?? "—"}</td>
      <td className={cn(cell, "hidden text-sm text-slate-700 xl:table-cell")}>{ticket.board?.name ?? "—"}</td>
      <td className={cn(cell, "hidden md:table-cell")}>
        <TicketStatusBadge ticket={ticket} />
      </td>
      <td className={cn(cell, "hidden text-sm text-slate-700 lg:table-cell")}>{ticket.priority?.name ?? "—"}</td>
      <td className={cn(cell, "hidden text-sm text-slate-700 lg:table-cell", !ticket.owner && "text-slate-500")}>{owner}</td>
      <td className={cn(cell, "hidden pr-4 text-sm whitespace-nowrap text-slate-500 sm:pr-5 xl:table-cell")}>
        {ticket.updated_at ? <RelativeTime date={ticket.updated_at} /> : "—"}
      </td>
    </tr>
  );
}
