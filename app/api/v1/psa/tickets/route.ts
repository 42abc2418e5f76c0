import { withViewer } from "@/lib/http/with-viewer";
import { createTicketInput, searchTicketsInput } from "@/lib/psa/ticket-schemas";
import { createPsaTicket } from "@/lib/psa/tickets/create-ticket";
import { searchPsaTickets } from "@/lib/psa/tickets/search-tickets";
import { jsonResponse } from "@/lib/http/json-response";

export const GET = withViewer("signedIn", searchTicketsInput, (viewer, input) => searchPsaTickets(viewer, input));

export const POST = withViewer("engineerOrAdmin", createTicketInput, async (viewer, input) =>
  jsonResponse(await createPsaTicket(viewer, input), { status: 201 }),
);
