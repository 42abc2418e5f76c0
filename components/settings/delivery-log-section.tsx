import { BellOff } from "lucide-react";
import { DeliverySummary } from "@/components/settings/delivery-summary";
import { DeliveryTable } from "@/components/settings/delivery-table";
import { SettingsSection } from "@/components/settings/settings-section";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeliveryCounts, DeliveryView } from "@/lib/notifications/delivery-log";

type Props = { deliveries: DeliveryView[]; counts: DeliveryCounts };

/** F9: escalation alerts by email, Slack and Teams, and how each one went (owners and admins). */
export function DeliveryLogSection({ deliveries, counts }: Props) {
  return (
    <SettingsSection
      id="settings-deliveries"
      title="Notification deliveries"
      description="Escalation alerts sent by email, Slack and Teams. Failed ones are retried automatically; retry one now once you have fixed its cause."
    >
      {deliveries.length === 0 ? (
        <div className="py-4">
          <EmptyState icon={BellOff} title="No deliveries yet">
            When someone escalates a session, each email and chat alert appears here with how it went.
          </EmptyState>
        </div>
      ) : (
        <>
          <DeliverySummary counts={counts} />
          <DeliveryTable deliveries={deliveries} />
        </>
      )}
    </SettingsSection>
  );
}
