"use client";

import { PlugZap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/settings/use-hydrated";
import { useSettingsAction } from "@/components/settings/use-settings-action";
import { testPsaConnectionAction } from "@/app/(app)/settings/actions";

/**
 * "Test connection": asks the PSA with the stored keys. The outcome is recorded on the connection
 * and the page re-renders with it (PsaTestResult); only a failure to run the test shows here.
 */
export function PsaTestButton() {
  const { pending, error, run } = useSettingsAction(testPsaConnectionAction);
  const hydrated = useHydrated();

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={run} disabled={!hydrated || pending} aria-describedby="psa-test-busy">
        {pending ? <Spinner className="text-slate-500" /> : <PlugZap aria-hidden className="size-4" />}
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <p id="psa-test-busy" role="status" aria-live="polite" className="sr-only">
        {pending ? "Testing the connection to ConnectWise…" : ""}
      </p>
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </div>
  );
}
