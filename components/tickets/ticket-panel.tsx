"use client";

import { useEffect, useState } from "react";
import { Dialog as RadixDialog } from "radix-ui";
import type { PsaMember, PsaTicket } from "@/lib/psa/provider";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { TicketDetailBody } from "@/components/tickets/ticket-detail-body";
import type { ListResult, TicketPanelLoad } from "@/components/tickets/ticket-view-types";
import { loadTicketPanelAction } from "@/app/(app)/tickets/actions";

type Props = {
  ticketId: string;
  /** What the server already read for this ticket (a reload with `?ticket=`), or null to read it now. */
  initial: TicketPanelLoad | null;
  members: ListResult<PsaMember>;
  canWrite: boolean;
  onTicketChange: (ticket: PsaTicket) => void;
};

/** The detail panel for `?ticket=<id>`: reads the ticket (unless the page already did) and shows it, or why it can't. */
export function TicketPanel({ ticketId, initial, members, canWrite, onTicketChange }: Props) {
  const [load, setLoad] = useState<TicketPanelLoad | null>(initial?.ticketId === ticketId ? initial : null);

  useEffect(() => {
    if (load) return;
    let live = true;
    loadTicketPanelAction({ id: ticketId })
      .catch((error: unknown) => {
        console.error(error);
        return undefined;
      })
      .then((result) => {
        if (!live) return;
        setLoad(result?.data ? { ticketId, data: result.data } : { ticketId, data: null, error: actionErrorMessage(result) ?? "The ticket could not be read." });
      });
    return () => {
      live = false;
    };
  }, [ticketId, load]);

  const ticket = load?.data?.ticket;
  return (
    <article aria-busy={!load} className="space-y-5">
      <header className="pr-10">
        <p className="text-sm text-slate-500 tabular-nums">Ticket #{ticketId}</p>
        <RadixDialog.Title className="mt-0.5 text-lg font-semibold text-slate-900">
          <span className="sr-only">Ticket #{ticketId}: </span>
          {ticket?.summary ?? (load ? "Ticket unavailable" : "Loading ticket…")}
        </RadixDialog.Title>
      </header>
      {!load && (
        <div role="status" className="space-y-3">
          <span className="sr-only">Loading ticket…</span>
          {[0, 1, 2, 3].map((row) => (
            <div key={row} aria-hidden className="h-4 rounded bg-slate-200 motion-safe:animate-pulse" style={{ width: `${90 - row * 15}%` }} />
          ))}
        </div>
      )}
      {load && !load.data && (
        <div className="space-y-3">
          <ErrorCallout>{load.error}</ErrorCallout>
          <Button variant="secondary" size="sm" onClick={() => setLoad(null)}>
            Try again
          </Button>
        </div>
      )}
      {load?.data && <TicketDetailBody data={load.data} members={members} canWrite={canWrite} onTicketChange={onTicketChange} />}
    </article>
  );
}
