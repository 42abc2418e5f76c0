import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DeliveryStatus } from "@/lib/notifications/delivery-log";

export const deliveryStatusLabel: Record<DeliveryStatus, string> = { sent: "Sent", pending: "Pending", failed: "Failed", dead: "Dead" };
const tones: Record<DeliveryStatus, BadgeTone> = { sent: "green", pending: "blue", failed: "amber", dead: "red" };

/** A delivery's status in words and colour (the colour is never the only signal). */
export function DeliveryStatusBadge({ status, count }: { status: DeliveryStatus; count?: number }) {
  return (
    <Badge tone={tones[status]}>
      {deliveryStatusLabel[status]}
      {count !== undefined && <span className="tabular-nums">{count}</span>}
    </Badge>
  );
}
