"use client";

import { useState } from "react";
import type { SaveStatus } from "@/components/ui/inline-status";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import type { AccountPreferences, UpdatePreferencesInput } from "@/lib/accounts/schemas";
import { updatePreferencesAction } from "@/app/(app)/settings/actions";

/**
 * Saves a preference patch through the server action and tracks the outcome for an InlineStatus.
 * Resolves to the preferences as the server stored them, or null when the save failed (the
 * status then carries the server's own message).
 */
export function usePreferenceSave() {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });

  async function save(patch: UpdatePreferencesInput): Promise<AccountPreferences | null> {
    setStatus({ kind: "saving" });
    const result = await updatePreferencesAction(patch).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    const message = actionErrorMessage(result);
    if (message || !result?.data) {
      setStatus({ kind: "error", message: message ?? "The preference was not saved. Try again." });
      return null;
    }
    setStatus({ kind: "saved", message: "Saved" });
    return result.data;
  }

  return { status, setStatus, save };
}
