import { withViewer } from "@/lib/http/with-viewer";
import { changeTicketStatusInput } from "@/lib/psa/ticket-schemas";
import { changePsaTicketStatus } from "@/lib/psa/tickets/change-ticket-status";

export const PATCH = withViewer("engineerOrAdmin", changeTicketStatusInput, (viewer, { id, status_id }) =>
  changePsaTicketStatus(viewer, id, status_id),
);
