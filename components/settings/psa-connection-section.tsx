import { Unplug } from "lucide-react";
import { PsaConnectionForm } from "@/components/settings/psa-connection-form";
import { PsaDisconnectButton } from "@/components/settings/psa-disconnect-button";
import { PsaTestButton } from "@/components/settings/psa-test-button";
import { PsaTestResult } from "@/components/settings/psa-test-result";
import { SettingsSection } from "@/components/settings/settings-section";
import type { PsaConnectionStatus, PsaConnectionView } from "@/lib/psa/connection-view";

type Props =
  | { canEdit: true; connection: PsaConnectionView | null }
  | { canEdit: false; connection: PsaConnectionStatus | null };

const description = "FlowPilot reads tickets from ConnectWise PSA and posts resolution notes and escalation packages to them.";

/** Settings → PSA: the connection. Owners and admins edit, test and disconnect; everyone else sees its status. */
export function PsaConnectionSection(props: Props) {
  const { connection } = props;
  return (
    <SettingsSection id="settings-psa" title="ConnectWise PSA" description={description}>
      {connection ? (
        <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <p className="text-sm text-slate-600">
              Site <span className="font-medium break-all text-slate-900">{connection.site_url}</span>
            </p>
            <PsaTestResult status={connection} />
            {props.canEdit && props.connection && !props.connection.keys_readable && (
              <p role="alert" className="text-sm text-red-700">
                The stored keys can&apos;t be decrypted with this server&apos;s PSA_ENCRYPTION_KEY; enter both keys again.
              </p>
            )}
          </div>
          {props.canEdit && (
            <div className="flex shrink-0 flex-wrap items-start gap-2">
              <PsaTestButton />
              <PsaDisconnectButton />
            </div>
          )}
        </div>
      ) : (
        <p className="flex items-center gap-2 py-4 text-sm text-slate-700">
          <Unplug aria-hidden className="size-4 shrink-0 text-slate-500" />
          {props.canEdit ? "Not connected yet. Enter your ConnectWise site and API keys below." : "Not connected. An owner or admin can connect ConnectWise here."}
        </p>
      )}
      {props.canEdit && <PsaConnectionForm connection={props.connection} />}
    </SettingsSection>
  );
}
