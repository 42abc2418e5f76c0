"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runForErrorMessage, type ActionResultLike } from "@/components/ui/action-error-message";
import { showToast } from "@/components/ui/toast";

/**
 * Runs a members action: on success the page re-renders with what changed (and `success` is
 * toasted); on failure the server's own message is toasted. `pending` lasts until the refresh.
 */
export function useMemberAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResultLike | undefined>, messages: { success: string; failure: string }) {
    setError(null);
    startTransition(async () => {
      const message = await runForErrorMessage(action);
      if (message) {
        setError(message);
        showToast({ tone: "error", title: messages.failure, description: message });
        return;
      }
      showToast({ tone: "success", title: messages.success });
      router.refresh();
    });
  }

  return { pending, error, run };
}
