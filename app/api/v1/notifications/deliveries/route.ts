import { listDeliveries, listDeliveriesInput } from "@/lib/notifications/delivery-log";
import { withViewer } from "@/lib/http/with-viewer";

/** F9: one page of the account's notification delivery records, newest first, with the total and counts per status. */
export const GET = withViewer("ownerOrAdmin", listDeliveriesInput, (viewer, input) => listDeliveries(viewer, input));
