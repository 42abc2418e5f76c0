import { BellOff } from "lucide-react";
import { DeliveryPages } from "@/components/settings/delivery-pages";
import { DeliverySummary } from "@/components/settings/delivery-summary";
import { SettingsSection } from "@/components/settings/settings-section";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeliveryLogPage } from "@/lib/notifications/delivery-log";

type Props = { log: DeliveryLogPage };

/** F9: escalation alerts by email, Slack and Teams, and how each one went, 20 at a time (owners and admins). */
export function DeliveryLogSection({ log }: Props) {
  return (
    <SettingsSection
      id="settings-deliveries"
      title="Notification deliveries"
      description="Escalation alerts sent by email, Slack and Teams. Failed ones are retried automatically; retry one now once you have fixed its cause."
    >
      {log.total === 0 ? (
        <div className="py-4">
          <EmptyState icon={BellOff} title="No deliveries yet">
            When someone escalates a session, each email and chat alert appears here with how it went.
          </EmptyState>
        </div>
      ) : (
        <>
          <DeliverySummary counts={log.counts} />
          <DeliveryPages first={log} />
        </>
      )}
    </SettingsSection>
  );
}
