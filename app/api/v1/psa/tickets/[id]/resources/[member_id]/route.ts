import { withViewer } from "@/lib/http/with-viewer";
import { ticketResourceInput } from "@/lib/psa/ticket-schemas";
import { removePsaTicketResource } from "@/lib/psa/tickets/ticket-resources";

/** G4: 200 with `changed: false` when the member wasn't assigned. */
export const DELETE = withViewer("engineerOrAdmin", ticketResourceInput, (viewer, { id, member_id }) =>
  removePsaTicketResource(viewer, id, member_id),
);
