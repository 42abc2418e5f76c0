import { withViewer } from "@/lib/http/with-viewer";
import { ticketIdParams } from "@/lib/psa/ticket-schemas";
import { getPsaTicket } from "@/lib/psa/tickets/ticket-detail";

export const GET = withViewer("signedIn", ticketIdParams, (viewer, { id }) => getPsaTicket(viewer, id));
