"use client";

import { useEffect, useState } from "react";

/** One match as GET /api/v1/ai-sessions/:id/similar returns it. */
export type SeenBeforeItem = {
  session_id: string;
  title: string;
  score: number;
  fix_id: string | null;
  fix_title: string | null;
  outcome: "worked" | "partially" | "untested" | "no_fix";
  resolved_by: string | null;
  resolved_at: string | null;
  can_open: boolean;
};

export type SeenBeforeState = { status: "loading" } | { status: "ready"; items: SeenBeforeItem[] } | { status: "error"; message: string };

/** Facts arrive in bursts (a chat turn promotes several); wait for the burst to settle. */
const DEBOUNCE_MS = 800;

/**
 * The session's seen-before matches, fetched after the page renders (never in the way of the
 * chat) and again, debounced, whenever `factsKey` changes. Earlier answers still in flight are
 * dropped, so a slow response never overwrites a newer one.
 */
export function useSeenBefore(sessionId: string, factsKey: string): SeenBeforeState {
  const [state, setState] = useState<SeenBeforeState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/ai-sessions/${sessionId}/similar`, { signal: controller.signal, cache: "no-store" });
        const body = (await response.json().catch(() => null)) as { items?: SeenBeforeItem[]; error?: { message?: string } } | null;
        if (!response.ok || !body?.items) {
          setState({ status: "error", message: body?.error?.message ?? "Could not look up similar sessions. Try again in a moment." });
          return;
        }
        setState({ status: "ready", items: body.items });
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: "error", message: error instanceof Error ? error.message : "Could not look up similar sessions." });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sessionId, factsKey]);
  return state;
}
