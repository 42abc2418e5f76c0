"use client";

import { useState, useTransition } from "react";
import { actionErrorMessage, type ActionResultLike } from "@/components/ui/action-error-message";

/**
 * Runs a settings action from a button. It runs in a transition, so `pending` lasts until the page
 * has re-rendered with what the action changed; `error` is the server's message when it failed.
 */
export function useSettingsAction(action: () => Promise<ActionResultLike | undefined>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await action().catch((failure: unknown) => {
        console.error(failure);
        return undefined;
      });
      const message = actionErrorMessage(result);
      if (message) setError(message);
    });
  }

  return { pending, error, run };
}
