"use client";

import { SearchX } from "lucide-react";
import type { PsaTicket } from "@/lib/psa/provider";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { TicketPagination } from "@/components/tickets/ticket-pagination";
import { TicketRow } from "@/components/tickets/ticket-row";

type Props = {
  items: PsaTicket[];
  page: number;
  nextPage: number | null;
  /** A new search or page is on its way: the rows shown are the previous answer. */
  pending: boolean;
  openTicketId: string | null;
  hrefFor: (ticketId: string) => string;
  onOpen: (ticketId: string) => void;
  onPage: (page: number) => void;
  filtered: boolean;
};

const head = "py-2.5 pr-3 text-left text-xs font-medium tracking-wide text-slate-600 uppercase";

/** The search results, one row per ticket, with paging; dimmed (and announced) while the next answer loads. */
export function TicketResultsTable({ items, page, nextPage, pending, openTicketId, hrefFor, onOpen, onPage, filtered }: Props) {
  if (items.length === 0 && !pending) {
    return (
      <EmptyState icon={SearchX} title={filtered || page > 1 ? "No tickets match these filters" : "No tickets"}>
        {filtered ? "Try another status or board, or clear the filters." : "ConnectWise returned no tickets for this account."}
      </EmptyState>
    );
  }
  return (
    <Card className="relative overflow-hidden" aria-busy={pending}>
      <p role="status" aria-live="polite" className={cn("absolute top-2 right-3 z-10 flex items-center gap-1.5 text-xs text-slate-600", !pending && "sr-only")}>
        {pending ? (
          <>
            <Spinner /> Loading tickets…
          </>
        ) : (
          `${items.length} ticket${items.length === 1 ? "" : "s"} on page ${page}`
        )}
      </p>
      <div className={cn("overflow-x-auto transition-opacity", pending && "pointer-events-none opacity-50")}>
        <table className="w-full text-sm" data-testid="ticket-results">
          <caption className="sr-only">Tickets matching the filters, page {page}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={cn(head, "pl-4 sm:pl-5")}>Ticket</th>
              <th scope="col" className={cn(head, "hidden md:table-cell")}>Company</th>
              <th scope="col" className={cn(head, "hidden xl:table-cell")}>Board</th>
              <th scope="col" className={cn(head, "hidden md:table-cell")}>Status</th>
              <th scope="col" className={cn(head, "hidden lg:table-cell")}>Priority</th>
              <th scope="col" className={cn(head, "hidden lg:table-cell")}>Owner</th>
              <th scope="col" className={cn(head, "hidden pr-4 sm:pr-5 xl:table-cell")}>Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 &&
              [0, 1, 2].map((row) => (
                <tr key={row} aria-hidden className="border-t border-slate-100">
                  <td colSpan={7} className="px-5 py-4">
                    <div className="h-4 w-2/3 rounded bg-slate-200 motion-safe:animate-pulse" />
                  </td>
                </tr>
              ))}
            {items.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} href={hrefFor(ticket.id)} selected={ticket.id === openTicketId} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      </div>
      <TicketPagination page={page} nextPage={nextPage} onPage={onPage} disabled={pending} />
    </Card>
  );
}
