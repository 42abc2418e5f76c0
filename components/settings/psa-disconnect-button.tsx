"use client";

import { Unplug } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { useHydrated } from "@/components/settings/use-hydrated";
import { useSettingsAction } from "@/components/settings/use-settings-action";
import { deletePsaConnectionAction } from "@/app/(app)/settings/actions";

/** "Disconnect", after a confirmation: removes the stored keys and everyone's member mapping. */
export function PsaDisconnectButton() {
  const { pending, error, run } = useSettingsAction(deletePsaConnectionAction);
  const hydrated = useHydrated();

  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button variant="ghost" disabled={!hydrated || pending} className="text-red-700 hover:bg-red-50">
            <Unplug aria-hidden className="size-4" />
            {pending ? "Disconnecting…" : "Disconnect"}
          </Button>
        }
        title="Disconnect ConnectWise?"
        description="FlowPilot forgets the stored API keys. Tickets stop loading and resolved or escalated sessions are no longer posted to ConnectWise until someone connects it again."
        confirmLabel="Disconnect"
        onConfirm={run}
      />
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </div>
  );
}
