"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { LifeBuoy } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useEscalationEvents } from "@/components/realtime/use-escalation-stream";
import { QueueRow, type RowPickUp } from "@/components/escalations/queue-row";
import { useTitleFlash } from "@/components/escalations/use-title-flash";
import type { EscalationQueueItem } from "@/lib/handoffs/queue";

type Props = {
  items: EscalationQueueItem[];
  viewer: { id: string; canPickUp: boolean };
};

/**
 * F5: the live queue. The server's list is the truth: every stream event refreshes it, so new
 * escalations slide in and picked-up ones leave without a reload. A claim event hides its row at
 * once, before the refresh lands; a lost race shows the server's message in the row.
 */
export function EscalationQueue({ items, viewer }: Props) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [initial] = useState(() => new Set(items.map((item) => item.sessionId)));
  const [claimed, setClaimed] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const notifyHidden = useTitleFlash();

  useEscalationEvents((event) => {
    if (event.type === "handoff_created") {
      if (event.data.from_user_id !== viewer.id) notifyHidden();
      setAnnouncement(`New escalation from ${event.data.from_user_name}: ${event.data.session_title}`);
    } else if (event.type === "handoff_claimed") {
      setClaimed((previous) => new Set(previous).add(event.data.handoff_id));
      if (event.data.claimed_by_id !== viewer.id) setAnnouncement(`${event.data.claimed_by_name} picked up an escalation.`);
    }
    startRefresh(() => router.refresh());
  });

  const waiting = items.filter((item) => !item.handoffId || !claimed.has(item.handoffId));
  const pickUpFor = (item: EscalationQueueItem): RowPickUp =>
    !viewer.canPickUp ? "read-only" : item.escalatedBy.id === viewer.id ? "own" : "claim";

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {waiting.length === 0 ? (
        <EmptyState icon={LifeBuoy} title="No escalations waiting">
          When a teammate escalates a session it shows up here right away, and in your notifications.
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <ul aria-label="Escalations waiting" className="divide-y divide-slate-200">
            {waiting.map((item) => (
              <QueueRow
                key={item.handoffId ?? item.sessionId}
                item={item}
                arrivedLive={!initial.has(item.sessionId)}
                pickUp={pickUpFor(item)}
                refusal={refusals[item.sessionId]}
                onRefused={(message) => setRefusals((previous) => ({ ...previous, [item.sessionId]: message }))}
              />
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
