"use client";

import { useState, useTransition } from "react";
import { Unplug } from "lucide-react";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { useHydrated } from "@/components/settings/use-hydrated";
import { deletePsaConnectionAction } from "@/app/(app)/settings/actions";

/** "Disconnect", after a confirmation: removes the stored keys and everyone's member mapping. */
export function PsaDisconnectButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  function handleConfirm() {
    setError(null);
    startTransition(async () => {
      const result = await deletePsaConnectionAction().catch((failure: unknown) => {
        console.error(failure);
        return undefined;
      });
      const message = actionErrorMessage(result);
      if (message) setError(message);
    });
  }

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
        onConfirm={handleConfirm}
      />
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </div>
  );
}
