import { focusRing } from "@/components/ui/focus-ring";
import { DeliveryStatusBadge } from "@/components/settings/delivery-status-badge";
import { RetryDeliveryButton } from "@/components/settings/retry-delivery-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { DeliveryView } from "@/lib/notifications/delivery-log";

const channelLabel: Record<DeliveryView["channel"], string> = { email: "Email", slack: "Slack", teams: "Teams" };

function recipientOf(delivery: DeliveryView): string {
  if (delivery.channel !== "email") return `${channelLabel[delivery.channel]} channel`;
  return delivery.recipient_name ? `${delivery.recipient_name} (${delivery.recipient_email})` : (delivery.recipient_email ?? "Unknown recipient");
}

/** The most recent deliveries, one row each; failed and dead rows can be retried. */
export function DeliveryTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    // Relative, so the visually hidden labels inside are positioned within the scroller and can't widen the page.
    <div role="region" aria-label="Notification deliveries" tabIndex={0} className={`relative -mx-5 overflow-x-auto sm:-mx-6 ${focusRing}`}>
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Most recent notification deliveries, newest first</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 pl-5 font-medium sm:pl-6">Status</th>
            <th scope="col" className="py-2 pr-3 font-medium">Sent to</th>
            <th scope="col" className="py-2 pr-3 font-medium">About</th>
            <th scope="col" className="py-2 pr-3 font-medium">Attempts</th>
            <th scope="col" className="py-2 pr-3 font-medium">Last error</th>
            <th scope="col" className="py-2 pr-5 font-medium sm:pr-6"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="text-slate-900">
          {deliveries.map((delivery) => {
            const recipient = recipientOf(delivery);
            const when = delivery.sent_at ?? delivery.created_at;
            return (
              <tr key={delivery.id} className="border-t border-slate-100 align-top">
                <td className="py-2.5 pr-3 pl-5 sm:pl-6">
                  <DeliveryStatusBadge status={delivery.status} />
                  <div className="mt-1 text-xs text-slate-500">
                    {delivery.sent_at ? "Sent " : "Queued "}
                    <RelativeTime date={when} />
                  </div>
                </td>
                <td className="py-2.5 pr-3">
                  <div className="font-medium">{channelLabel[delivery.channel]}</div>
                  <div className="text-slate-600 break-all">{recipient}</div>
                </td>
                <td className="py-2.5 pr-3 text-slate-700">{delivery.session_title ?? "—"}</td>
                <td className="py-2.5 pr-3 tabular-nums">{delivery.attempts}</td>
                <td className="max-w-72 py-2.5 pr-3 break-words text-slate-700">
                  {delivery.last_error ?? <span className="text-slate-500">—</span>}
                  {delivery.next_attempt_at && delivery.status === "failed" && (
                    <div className="mt-1 text-xs text-slate-500">
                      Next try <RelativeTime date={delivery.next_attempt_at} />
                    </div>
                  )}
                </td>
                <td className="py-2.5 pr-5 text-right sm:pr-6">
                  {(delivery.status === "failed" || delivery.status === "dead") && (
                    <RetryDeliveryButton deliveryId={delivery.id} label={`${channelLabel[delivery.channel]} delivery to ${recipient}`} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
