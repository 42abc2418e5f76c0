import type { Metadata } from "next";
import { Suspense } from "react";
import { getPreferences } from "@/lib/accounts/preferences";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { DeliveryLogSection } from "@/components/settings/delivery-log-section";
import { PsaConnectionSection } from "@/components/settings/psa-connection-section";
import { PsaMemberSection } from "@/components/settings/psa-member-section";
import { PsaSectionLoading } from "@/components/settings/psa-section-loading";
import { PsaStatusTargetsSection } from "@/components/settings/psa-status-targets-section";
import { SettingsSection } from "@/components/settings/settings-section";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { listDeliveries } from "@/lib/notifications/delivery-log";
import { getPsaConnection, getPsaConnectionStatus } from "@/lib/psa/connection-service";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer("signedIn", "/settings");
  const canEdit = roleAllows("ownerOrAdmin", viewer.role);
  const [preferences, deliveryLog, fullConnection, connectionStatus] = await Promise.all([
    getPreferences(viewer),
    canEdit ? listDeliveries(viewer) : null,
    // Keys (even their last 4) and ids only for owners and admins.
    canEdit ? getPsaConnection(viewer) : null,
    canEdit ? null : getPsaConnectionStatus(viewer),
  ]);
  const connected = Boolean(fullConnection ?? connectionStatus);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Account preferences shared by everyone in your MSP." />
      <SettingsTabs role={viewer.role} />
      <PreferencesForm preferences={preferences} canEdit={canEdit} />
      {canEdit ? <PsaConnectionSection canEdit connection={fullConnection} /> : <PsaConnectionSection canEdit={false} connection={connectionStatus} />}
      {connected && (
        <SettingsSection id="settings-psa-statuses" title="ConnectWise ticket statuses" description="Where linked tickets move when a session is resolved or escalated. Leave a status unset to post the note without changing the ticket's status.">
          <Suspense fallback={<PsaSectionLoading what="Loading boards and statuses from ConnectWise…" />}>
            <PsaStatusTargetsSection viewer={viewer} canEdit={canEdit} />
          </Suspense>
        </SettingsSection>
      )}
      {connected && (
        <SettingsSection id="settings-psa-member" title="You in ConnectWise" description="Who you are in ConnectWise, so “Mine” on the Tickets page shows your tickets. Everyone sets this for themselves.">
          <Suspense fallback={<PsaSectionLoading what="Loading members from ConnectWise…" />}>
            <PsaMemberSection viewer={viewer} />
          </Suspense>
        </SettingsSection>
      )}
      {deliveryLog && <DeliveryLogSection log={deliveryLog} />}
    </div>
  );
}
