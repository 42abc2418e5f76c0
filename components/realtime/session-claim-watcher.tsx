"use client";

import { useRouter } from "next/navigation";
import { useEscalationEvents } from "@/components/realtime/use-escalation-stream";

/**
 * Refreshes a session page when its escalation is picked up (or after a reconnect), so the
 * escalator sees who took it and the page the access rules now give them. Renders nothing.
 */
export function SessionClaimWatcher({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  useEscalationEvents((event) => {
    if (event.type === "resync" || (event.type === "handoff_claimed" && event.data.session_id === sessionId)) router.refresh();
  });
  return null;
}
