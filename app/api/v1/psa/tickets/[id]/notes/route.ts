import { withViewer } from "@/lib/http/with-viewer";
import { addTicketNoteInput, ticketIdParams } from "@/lib/psa/ticket-schemas";
import { addPsaTicketNote, listPsaTicketNotes } from "@/lib/psa/tickets/ticket-notes";
import { jsonResponse } from "@/lib/http/json-response";

export const GET = withViewer("signedIn", ticketIdParams, (viewer, { id }) => listPsaTicketNotes(viewer, id));

export const POST = withViewer("engineerOrAdmin", addTicketNoteInput, async (viewer, { id, kind, text }) =>
  jsonResponse(await addPsaTicketNote(viewer, id, { kind, text }), { status: 201 }),
);
