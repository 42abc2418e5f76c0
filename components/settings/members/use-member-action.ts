"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runForErrorMessage, type ActionResultLike } from "@/components/ui/action-error-message";
import { showToast } from "@/components/ui/toast";

type Messages<Data> = {
  /** Toasted on success; a function words it from what the action answered ("signed out of 2 browsers"). */
  success: string | ((data: Data | undefined) => string);
  failure: string;
};

/**
 * Runs a members action: on success the page re-renders with what changed (and `success` is
 * toasted); on failure the server's own message is toasted. `pending` lasts until the refresh.
 */
export function useMemberAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run<Data>(action: () => Promise<(ActionResultLike & { data?: Data }) | undefined>, messages: Messages<Data>) {
    setError(null);
    startTransition(async () => {
      let data: Data | undefined;
      const message = await runForErrorMessage(async () => {
        const result = await action();
        data = result?.data;
        return result;
      });
      if (message) {
        setError(message);
        showToast({ tone: "error", title: messages.failure, description: message });
        return;
      }
      showToast({ tone: "success", title: typeof messages.success === "function" ? messages.success(data) : messages.success });
      router.refresh();
    });
  }

  return { pending, error, run };
}
