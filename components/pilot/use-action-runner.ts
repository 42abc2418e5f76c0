"use client";

import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error-message";

type ActionResult<T> = {
  data?: T;
  serverError?: string;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/**
 * Runs a server action and tracks it for the control that started it: `pending` while it runs,
 * `error` with the server's own message when it fails. `run` resolves to the action's data, or
 * null on failure.
 */
export function useActionRunner() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(call: () => Promise<ActionResult<T> | undefined>): Promise<T | null> {
    setPending(true);
    setError(null);
    const result = await call().catch((thrown: unknown) => {
      console.error(thrown);
      return undefined;
    });
    setPending(false);
    const message = actionErrorMessage(result);
    if (message || result?.data === undefined) {
      setError(message ?? "That did not work. Try again.");
      return null;
    }
    return result.data;
  }

  return { pending, error, setError, run };
}
