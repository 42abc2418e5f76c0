"use client";

import { useTransition, type ReactNode, type RefObject } from "react";
import { runForErrorMessage } from "@/components/ui/action-error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { showToast } from "@/components/ui/toast";
import { signOutEverywhereAction } from "@/app/(app)/actions";

type Props = {
  /** The button that opens the dialog, given whether the sign-out is under way; leave out when `open` is controlled. */
  trigger?: (pending: boolean) => ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * "Sign out everywhere", confirmed: every sign-in of mine ends (other browsers on their next
 * click), then this browser goes to /login. A refusal is toasted with the server's message.
 */
export function SignOutEverywhereDialog({ trigger, open, onOpenChange, returnFocusTo }: Props) {
  const [pending, startTransition] = useTransition();

  function signOutEverywhere() {
    startTransition(async () => {
      const message = await runForErrorMessage(() => signOutEverywhereAction());
      if (message) showToast({ tone: "error", title: "You are still signed in", description: message });
    });
  }

  return (
    <ConfirmDialog
      trigger={trigger?.(pending)}
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title="Sign out everywhere?"
      description="Every browser signed in to your account is signed out, this one too: the others on their next click, this one now. You sign in again wherever you need FlowPilot."
      confirmLabel="Sign out everywhere"
      onConfirm={signOutEverywhere}
    />
  );
}
