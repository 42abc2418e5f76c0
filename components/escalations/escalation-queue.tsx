"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { LifeBuoy } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { useEscalationEvents } from "@/components/realtime/use-escalation-stream";
import { ListPagination } from "@/components/lists/list-pagination";
import { ListResults } from "@/components/lists/list-results";
import { NoMatches } from "@/components/lists/no-matches";
import { QueueRow, type RowPickUp } from "@/components/escalations/queue-row";
import { useTitleFlash } from "@/components/escalations/use-title-flash";
import type { EscalationQueueItem } from "@/lib/handoffs/queue";
import type { ListPage } from "@/lib/lists/paging";

type Props = {
  queue: ListPage<EscalationQueueItem>;
  viewer: { id: string; canPickUp: boolean };
  search: { q?: string; status?: string; clearHref: string };
  /**
   * The default view (page 1, newest first, no search): new escalations slide in at the top. In
   * any other view they would land out of order, so the page says how many arrived instead.
   */
  live: boolean;
  /** Changes with the search, sort or page: rows of a new view are not "new". */
  viewKey: string;
};

/**
 * F5: the live queue. The server's list is the truth: every stream event refreshes it, so new
 * escalations slide in and picked-up ones leave without a reload. A claim event hides its row at
 * once, before the refresh lands; a lost race shows the server's message in the row.
 */
export function EscalationQueue({ queue, viewer, search, live, viewKey }: Props) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  // What arrived over the stream since this view opened: those rows are marked new and slide in.
  const [view, setView] = useState(() => freshView(viewKey));
  if (view.key !== viewKey) setView(freshView(viewKey));
  const [claimed, setClaimed] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const notifyHidden = useTitleFlash();

  useEscalationEvents((event) => {
    if (event.type === "handoff_created") {
      if (event.data.from_user_id !== viewer.id) notifyHidden();
      setAnnouncement(`New escalation from ${event.data.from_user_name}: ${event.data.session_title}`);
      const sessionId = event.data.session_id;
      setView((previous) =>
        live
          ? { ...previous, arrived: new Set(previous.arrived).add(sessionId) }
          : { ...previous, arrivedElsewhere: previous.arrivedElsewhere + 1 },
      );
    } else if (event.type === "handoff_claimed") {
      setClaimed((previous) => new Set(previous).add(event.data.handoff_id));
      if (event.data.claimed_by_id !== viewer.id) setAnnouncement(`${event.data.claimed_by_name} picked up an escalation.`);
    }
    startRefresh(() => router.refresh());
  });

  const waiting = queue.items.filter((item) => !item.handoffId || !claimed.has(item.handoffId));
  const pickUpFor = (item: EscalationQueueItem): RowPickUp =>
    !viewer.canPickUp ? "read-only" : item.escalatedBy.id === viewer.id ? "own" : "claim";
  const filtered = Boolean(search.q || search.status);

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {view.arrivedElsewhere > 0 && (
        <p className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-900">
          {view.arrivedElsewhere === 1 ? "1 new escalation arrived" : `${view.arrivedElsewhere} new escalations arrived`} since you opened this view.{" "}
          <Link href="/escalations" className={`rounded font-medium underline ${focusRing}`}>
            Show the newest
          </Link>
        </p>
      )}
      <ListResults>
        {waiting.length > 0 ? (
          <>
            <Card className="overflow-hidden">
              <ul aria-label="Escalations waiting" className="divide-y divide-slate-200">
                {waiting.map((item) => (
                  <QueueRow
                    key={item.handoffId ?? item.sessionId}
                    item={item}
                    arrivedLive={live && view.arrived.has(item.sessionId)}
                    pickUp={pickUpFor(item)}
                    refusal={refusals[item.sessionId]}
                    onRefused={(message) => setRefusals((previous) => ({ ...previous, [item.sessionId]: message }))}
                  />
                ))}
              </ul>
            </Card>
            <ListPagination page={queue.page} pageSize={queue.pageSize} total={queue.total} label="Escalation pages" />
          </>
        ) : filtered ? (
          <NoMatches title={search.q ? `No escalations match “${search.q}”` : "No escalations with that status"} clearHref={search.clearHref}>
            Search looks at titles, company names and ticket numbers of the sessions waiting now.
          </NoMatches>
        ) : (
          <EmptyState icon={LifeBuoy} title="No escalations waiting">
            When a teammate escalates a session it shows up here right away, and in your notifications.
          </EmptyState>
        )}
      </ListResults>
    </>
  );
}

function freshView(key: string) {
  return { key, arrived: new Set<string>() as ReadonlySet<string>, arrivedElsewhere: 0 };
}
