"use client";

import { useState, useTransition } from "react";
import { PlugZap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/settings/use-hydrated";
import { testPsaConnectionAction } from "@/app/(app)/settings/actions";

/**
 * "Test connection": asks the PSA with the stored keys. The outcome is recorded on the connection
 * and the page re-renders with it (PsaTestResult); only a failure to run the test shows here.
 */
export function PsaTestButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  function handleClick() {
    setError(null);
    startTransition(async () => {
      const result = await testPsaConnectionAction().catch((failure: unknown) => {
        console.error(failure);
        return undefined;
      });
      const message = actionErrorMessage(result);
      if (message) setError(message);
    });
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={handleClick} disabled={!hydrated || pending} aria-describedby="psa-test-busy">
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
