"use client";

import { useState } from "react";
import type { PsaMember, PsaMemberRef, PsaTicket } from "@/lib/psa/provider";
import { RelativeTime } from "@/components/ui/relative-time";
import { LinkedSessions } from "@/components/tickets/linked-sessions";
import { StartSessionDialog } from "@/components/tickets/start-session-dialog";
import { TicketFact } from "@/components/tickets/ticket-fact";
import { TicketAssignees } from "@/components/tickets/ticket-assignees";
import { TicketNotes } from "@/components/tickets/ticket-notes";
import { TicketStatusBadge } from "@/components/tickets/ticket-status-badge";
import { TicketStatusSelect } from "@/components/tickets/ticket-status-select";
import type { ListResult, TicketPanelData } from "@/components/tickets/ticket-view-types";

type Props = {
  data: TicketPanelData;
  members: ListResult<PsaMember>;
  canWrite: boolean;
  /** A write changed the ticket (status, owner): the results table shows the same. */
  onTicketChange: (ticket: PsaTicket) => void;
};

/** The detail panel's content for one ticket; viewers get the same, without the controls that write. */
export function TicketDetailBody({ data, members, canWrite, onTicketChange }: Props) {
  const [ticket, setTicket] = useState(data.ticket);

  function update(next: PsaTicket) {
    setTicket(next);
    onTicketChange(next);
  }

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
        <TicketFact label="Company">{ticket.company?.name ?? "—"}</TicketFact>
        <TicketFact label="Board">{ticket.board?.name ?? "—"}</TicketFact>
        <TicketFact label="Priority">{ticket.priority?.name ?? "—"}</TicketFact>
        <TicketFact label="Contact">{ticket.contact_name ?? "—"}</TicketFact>
        {!canWrite && (
          <TicketFact label="Status">
            <TicketStatusBadge ticket={ticket} />
          </TicketFact>
        )}
        <TicketFact label="Updated">{ticket.updated_at ? <RelativeTime date={ticket.updated_at} /> : "—"}</TicketFact>
      </dl>

      {canWrite && (
        <TicketStatusSelect ticketId={ticket.id} status={ticket.status} statuses={data.statuses} onChanged={update} />
      )}

      <TicketAssignees
        ticketId={ticket.id}
        owner={ticket.owner}
        resources={data.resources}
        members={members}
        canWrite={canWrite}
        onOwnerChange={(owner: PsaMemberRef | null) => update({ ...ticket, owner })}
      />

      <div className="space-y-3">
        <LinkedSessions sessions={data.linked_sessions} />
        {canWrite && <StartSessionDialog ticket={ticket} />}
      </div>

      <TicketNotes ticketId={ticket.id} notes={data.notes} canWrite={canWrite} />
    </div>
  );
}
