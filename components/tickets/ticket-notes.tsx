"use client";

import { useState } from "react";
import type { PsaNote } from "@/lib/psa/provider";
import { ErrorCallout } from "@/components/ui/error-callout";
import { RelativeTime } from "@/components/ui/relative-time";
import { AddNoteForm } from "@/components/tickets/add-note-form";
import { NoteKindBadge } from "@/components/tickets/note-kind-badge";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult } from "@/components/tickets/ticket-view-types";

const newestFirst = (a: PsaNote, b: PsaNote) => (b.created_at ?? "").localeCompare(a.created_at ?? "") || Number(b.id) - Number(a.id);

/** G7: the ticket's notes, newest first, each with where it shows (Internal / Discussion / Resolution). */
export function TicketNotes({ ticketId, notes, canWrite }: { ticketId: string; notes: ListResult<PsaNote>; canWrite: boolean }) {
  const [items, setItems] = useState(notes.items);
  const sorted = [...items].sort(newestFirst);
  return (
    <section aria-labelledby={`notes-${ticketId}`} className="space-y-3">
      <h3 id={`notes-${ticketId}`} className="text-sm font-semibold text-slate-900">
        Notes <span className="font-normal text-slate-500">({items.length})</span>
      </h3>
      {canWrite && <AddNoteForm ticketId={ticketId} onAdded={(note) => setItems((current) => [note, ...current])} />}
      {notes.error && <ErrorCallout>{notes.error}</ErrorCallout>}
      <PsaHints hints={[notes.warning]} />
      {sorted.length === 0 && !notes.error ? (
        <p className="text-sm text-slate-500">No notes on this ticket yet.</p>
      ) : (
        <ol aria-label="Ticket notes" className="space-y-2">
          {sorted.map((note) => (
            <li key={note.id} data-testid="ticket-note" className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                {note.kinds.map((kind) => (
                  <NoteKindBadge key={kind} kind={kind} />
                ))}
                <span className="font-medium text-slate-700">{note.created_by ?? "Unknown"}</span>
                {note.created_at && <RelativeTime date={note.created_at} />}
              </div>
              <p className="mt-1.5 text-sm break-words whitespace-pre-wrap text-slate-800">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
