import { withViewer } from "@/lib/http/with-viewer";
import { spinOffTicketRouteInput } from "@/lib/psa/ticket-schemas";
import { spinOffPsaTicket } from "@/lib/psa/tickets/spin-off-ticket";
import { jsonResponse } from "@/lib/http/json-response";

/** G6: creates a PSA ticket from the session and links the session to it. */
export const POST = withViewer("engineerOrAdmin", spinOffTicketRouteInput, async (viewer, { id, ...input }) =>
  jsonResponse(await spinOffPsaTicket(viewer, id, input), { status: 201 }),
);
