"use client";

import { useState, useTransition } from "react";
import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { retryDeliveryAction } from "@/app/(app)/settings/actions";

/**
 * Retries one failed or dead delivery now. The page re-renders with the row's new state; this
 * also says how it went, with the server's own words when the retry or the send failed.
 */
export function RetryDeliveryButton({ deliveryId, label }: { deliveryId: string; label: string }) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [pending, startTransition] = useTransition();

  function handleClick() {
    setStatus({ kind: "saving" });
    startTransition(async () => {
      const result = await retryDeliveryAction({ deliveryId }).catch((error: unknown) => {
        console.error(error);
        return undefined;
      });
      const message = actionErrorMessage(result);
      if (message || !result?.data) {
        setStatus({ kind: "error", message: message ?? "The retry did not go through. Try again." });
      } else if (result.data.status === "sent") {
        setStatus({ kind: "saved", message: "Sent" });
      } else {
        setStatus({ kind: "error", message: `Still failing: ${result.data.last_error ?? "no reason given"}` });
      }
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={handleClick} disabled={pending}>
        <RotateCw aria-hidden className="size-3.5" />
        {pending ? "Retrying…" : "Retry"}
        <span className="sr-only"> {label}</span>
      </Button>
      {status.kind !== "saving" && <InlineStatus status={status} className="max-w-64 text-right" />}
    </div>
  );
}
