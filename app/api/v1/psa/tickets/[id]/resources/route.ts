import { withViewer } from "@/lib/http/with-viewer";
import { ticketIdParams, ticketResourceInput } from "@/lib/psa/ticket-schemas";
import { addPsaTicketResource, listPsaTicketResources } from "@/lib/psa/tickets/ticket-resources";

export const GET = withViewer("signedIn", ticketIdParams, (viewer, { id }) => listPsaTicketResources(viewer, id));

/** G4: `{ member_id }`; 200 with `changed: false` when the member was already assigned. */
export const POST = withViewer("engineerOrAdmin", ticketResourceInput, (viewer, { id, member_id }) =>
  addPsaTicketResource(viewer, id, member_id),
);
