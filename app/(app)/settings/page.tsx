import type { Metadata } from "next";
import { getPreferences } from "@/lib/accounts/preferences";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { DeliveryLogSection } from "@/components/settings/delivery-log-section";
import { listDeliveries } from "@/lib/notifications/delivery-log";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer("signedIn", "/settings");
  const canEdit = roleAllows("ownerOrAdmin", viewer.role);
  const [preferences, deliveryLog] = await Promise.all([
    getPreferences(viewer),
    canEdit ? listDeliveries(viewer, { limit: 50 }) : null,
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Account preferences shared by everyone in your MSP." />
      <PreferencesForm preferences={preferences} canEdit={canEdit} />
      {deliveryLog && <DeliveryLogSection deliveries={deliveryLog.deliveries} counts={deliveryLog.counts} />}
    </div>
  );
}
