import { listDeliveries, listDeliveriesInput } from "@/lib/notifications/delivery-log";
import { withViewer } from "@/lib/http/with-viewer";

/** F9: the account's notification delivery records, newest first, with counts per status. */
export const GET = withViewer("ownerOrAdmin", listDeliveriesInput, (viewer, input) => listDeliveries(viewer, input));
