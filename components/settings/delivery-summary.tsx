import { DeliveryStatusBadge } from "@/components/settings/delivery-status-badge";
import type { DeliveryCounts, DeliveryStatus } from "@/lib/notifications/delivery-log";

// Problems first: those are what an admin opens this section for.
const order: DeliveryStatus[] = ["failed", "dead", "pending", "sent"];

/** How many deliveries the account has in each status, across all of them. */
export function DeliverySummary({ counts }: { counts: DeliveryCounts }) {
  return (
    <ul aria-label="Deliveries by status" className="flex flex-wrap gap-2 py-3">
      {order.map((status) => (
        <li key={status}>
          <DeliveryStatusBadge status={status} count={counts[status]} />
        </li>
      ))}
    </ul>
  );
}
