"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useEscalationEvents } from "@/components/realtime/use-escalation-stream";
import { LiveCountsContext, type ShellCounts } from "@/components/shell/use-live-counts";

const COUNTS_URL = "/api/v1/shell/counts";
/** Events often come in bursts (an escalation and its claim); one refetch answers them all. */
const COALESCE_MS = 250;

type ServerCounts = { escalations: number; pendingDrafts: number; unreadNotifications: number };

type Props = {
  counts: ShellCounts;
  /** Changes with every server render of the layout, so a fresher render replaces fetched counts. */
  renderedAt: number;
  children: ReactNode;
};

/**
 * Keeps the sidebar counts and the bell's unread count live: on every escalation event — a new
 * escalation, a pickup (which resolves the teammates' rows and rings the escalator's bell), a
 * reminder — it refetches them from the server (never counts on the client). A new render of the layout
 * (router.refresh, a revalidating action) is as fresh, and wins.
 */
export function LiveCountsProvider({ counts, renderedAt, children }: Props) {
  const [rendered, setRendered] = useState(renderedAt);
  const [live, setLive] = useState(counts);
  if (rendered !== renderedAt) {
    setRendered(renderedAt);
    setLive(counts);
  }

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function refetch() {
    try {
      const response = await fetch(COUNTS_URL, { cache: "no-store", headers: { accept: "application/json" } });
      if (!response.ok) return; // keep what we show; the next event or render tries again
      const body = (await response.json()) as ServerCounts;
      setLive({ escalations: body.escalations, scripts: body.pendingDrafts, unread: body.unreadNotifications });
    } catch {
      // Offline for a moment: the stream's resync after reconnecting fetches again.
    }
  }

  useEscalationEvents(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch(), COALESCE_MS);
  });

  return <LiveCountsContext value={live}>{children}</LiveCountsContext>;
}
