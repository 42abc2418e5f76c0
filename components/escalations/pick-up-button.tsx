"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Hand } from "lucide-react";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { showToast } from "@/components/ui/toast";
import { claimHandoffAction } from "@/app/(app)/escalations/actions";

type Props = {
  sessionId: string;
  handoffId: string;
  size?: "sm" | "md";
  /** Extra description for assistive technology, e.g. the id of the row's title. */
  describedBy?: string;
  /** Called with the server's message when the claim is refused (someone else got there first). */
  onRefused?: (message: string) => void;
};

/** On the queue, or on a page reached from it: the working page's back link should lead there. */
function cameFromEscalations(): boolean {
  const { pathname, search } = window.location;
  return pathname === "/escalations" || new URLSearchParams(search).get("from") === "escalations";
}

/**
 * F7: claims the escalation and opens the session as its new handler. A refusal (409 naming who
 * holds it) shows the server's words and refreshes, so the page shows where the session went.
 */
export function PickUpButton({ sessionId, handoffId, size = "md", describedBy, onRefused }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function pickUp() {
    setPending(true);
    const result = await claimHandoffAction({ id: sessionId, hid: handoffId }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    const message = actionErrorMessage(result);
    if (message) {
      setPending(false);
      showToast({ tone: "error", title: "Couldn't pick up this session", description: message });
      onRefused?.(message);
      router.refresh();
      return;
    }
    // Stay pending while the working page loads; this component goes away with the navigation.
    router.push(`/pilot/${sessionId}${cameFromEscalations() ? "?from=escalations" : ""}`);
  }

  return (
    <Button data-command="pick-up" size={size} onClick={() => void pickUp()} disabled={pending} aria-describedby={describedBy}>
      {pending ? <Spinner className="text-on-accent" /> : <Hand aria-hidden className="size-4" />}
      {pending ? "Picking up…" : "Pick up"}
    </Button>
  );
}
