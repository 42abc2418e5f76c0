import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwNote } from "@/lib/psa/connectwise/cw-types";
import { noteKinds, toNote } from "@/lib/psa/connectwise/mappers";
import { listAll } from "@/lib/psa/connectwise/pagination";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import type { PsaNote, PsaNoteKind } from "@/lib/psa/provider";
import { PsaError } from "@/lib/psa/psa-error";

type NoteFlags = { detailDescriptionFlag: boolean; internalAnalysisFlag: boolean; resolutionFlag: boolean; processNotifications: boolean };

/**
 * G7: where each kind of note shows in ConnectWise (§5.1).
 * - internal_analysis: the Internal tab only, members only (escalation packages). Notifications
 *   off: an internal note must never trigger the board's customer emails or workflow rules.
 * - customer_detail: the Discussion, customer-facing; notifications as the board is set up.
 * - resolution: the Resolution, customer-visible (portal, and invoices); notifications on.
 */
export const NOTE_FLAGS: Record<PsaNoteKind, NoteFlags> = {
  internal_analysis: { detailDescriptionFlag: false, internalAnalysisFlag: true, resolutionFlag: false, processNotifications: false },
  customer_detail: { detailDescriptionFlag: true, internalAnalysisFlag: false, resolutionFlag: false, processNotifications: true },
  resolution: { detailDescriptionFlag: false, internalAnalysisFlag: false, resolutionFlag: true, processNotifications: true },
};

const subjectFor = (ticket: number, write = false) => ({ what: `Ticket ${ticket}`, permission: write ? CW_PERMISSION.ticketsEdit : CW_PERMISSION.ticketsInquire });

/** The ticket's notes, oldest first, each with its kinds. */
export async function listNotes(ctx: CwContext, ticketId: string): Promise<PsaNote[]> {
  const id = cwId(ticketId, "Ticket", "not_found");
  const rows = await listAll<CwNote>(ctx.http, `/service/tickets/${id}/notes`, { orderBy: "id asc" }, subjectFor(id), ctx.options.maxListPages);
  return rows.map((row) => toNote(row, String(id)));
}

/**
 * Adds a note of `kind` (flags per NOTE_FLAGS) and returns it. Not retried (a repeated POST
 * would duplicate the note). Throws PsaError `rejected` when ConnectWise saved it without the
 * requested display flag: a note that shows in the wrong place must not pass as posted.
 */
export async function addNote(ctx: CwContext, ticketId: string, note: { kind: PsaNoteKind; text: string }): Promise<PsaNote> {
  const id = cwId(ticketId, "Ticket", "not_found");
  const flags = NOTE_FLAGS[note.kind];
  if (!flags) throw new PsaError("invalid", `Unknown note kind ${JSON.stringify(note.kind)}.`);
  if (!note.text.trim()) throw new PsaError("invalid", "A note needs some text.");
  const answer = await ctx.http.call<CwNote>({ method: "POST", path: `/service/tickets/${id}/notes`, body: { text: note.text, ...flags }, subject: subjectFor(id, true) });
  if (!answer.data || typeof answer.data.id !== "number") throw new PsaError("upstream", `ConnectWise answered the note on Ticket ${id} without its id.`);
  if (!noteKinds(answer.data).includes(note.kind)) {
    throw new PsaError("rejected", `ConnectWise saved note ${answer.data.id} on Ticket ${id} without the ${note.kind.replace("_", " ")} flag; check the note in ConnectWise.`);
  }
  return toNote(answer.data, String(id));
}
