import { retryDelivery, retryDeliveryInput } from "@/lib/notifications/delivery-log";
import { withViewer } from "@/lib/http/with-viewer";

/** F9: sends a failed or dead delivery again; 409 for any other status. */
export const POST = withViewer("ownerOrAdmin", retryDeliveryInput, (viewer, input) => retryDelivery(viewer, input.deliveryId));
