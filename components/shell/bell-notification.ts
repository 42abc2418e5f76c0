import type { BellRow } from "@/lib/notifications/bell";

/** One row of the bell dropdown, as the layout hands it to the client (listNotifications). */
export type BellNotification = BellRow;
