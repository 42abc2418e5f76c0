"use client";

import { useState, useTransition } from "react";
import { runForErrorMessage, type ActionResultLike } from "@/components/ui/action-error-message";

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
      const message = await runForErrorMessage(action);
      if (message) setError(message);
    });
  }

  return { pending, error, run };
}
