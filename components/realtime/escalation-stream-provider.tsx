"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  EscalationStreamContext,
  type EscalationStreamEvent,
  type StreamListener,
  type StreamState,
} from "@/components/realtime/use-escalation-stream";

export const ESCALATION_STREAM_URL = "/api/v1/ai-sessions/escalations/stream";
const LIVE_EVENTS = ["handoff_created", "handoff_claimed", "handoff_reminded"] as const;
const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s … capped, with jitter so a restarted server isn't hit by every tab at once. */
function backoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

type Props = {
  children: ReactNode;
  /** The account's newest event id when the page was rendered: the stream replays what came after. */
  resumeFrom?: string | null;
  url?: string;
};

function streamUrl(url: string, after: string | null): string {
  return after ? `${url}?last_event_id=${encodeURIComponent(after)}` : url;
}

/**
 * Opens one EventSource per tab for the escalation stream (F4) and shares it with the bell, the
 * sidebar and the queue. EventSource reconnects by itself and resends Last-Event-ID, so the server
 * replays what was missed; if the browser gives up (the connection closed for good), this opens
 * a new one with backoff, resuming after the last event seen, and tells subscribers to `resync`.
 * The first connection resumes after `resumeFrom`, so nothing between render and connect is lost.
 * Mount it for engineers and admins only: viewers are refused by the endpoint.
 */
export function EscalationStreamProvider({ children, resumeFrom = null, url = ESCALATION_STREAM_URL }: Props) {
  // Only the first render's position matters; later renders must not reopen the stream.
  const [initialResume] = useState(resumeFrom);
  const [listeners] = useState(() => new Set<StreamListener>());
  const [state, setState] = useState<StreamState>("connecting");
  const router = useRouter();

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let wasLive = false;
    let lastSeen = initialResume;
    const emit = (event: EscalationStreamEvent) => {
      for (const listener of listeners) listener(event);
    };

    function connect() {
      const current = new EventSource(streamUrl(url, lastSeen));
      source = current;
      current.addEventListener("ready", () => {
        attempt = 0;
        setState("live");
        // A reconnect may have missed events the replay could not cover: let subscribers refetch.
        if (wasLive) emit({ type: "resync" });
        wasLive = true;
      });
      for (const type of LIVE_EVENTS) {
        current.addEventListener(type, (message: MessageEvent<string>) => {
          if (message.lastEventId) lastSeen = message.lastEventId;
          try {
            emit({ type, id: message.lastEventId, data: JSON.parse(message.data) } as EscalationStreamEvent);
          } catch (error) {
            console.error(`Ignoring a malformed ${type} event`, error);
          }
        });
      }
      // The viewer's role changed (a demotion or removal): stop retrying and re-render the shell
      // for who they are now, which no longer opens this stream.
      current.addEventListener("access_revoked", () => {
        clearTimeout(retry);
        current.close();
        router.refresh();
      });
      current.addEventListener("error", () => {
        setState(wasLive ? "reconnecting" : "connecting");
        if (current.readyState !== EventSource.CLOSED) return; // the browser is retrying
        current.close();
        retry = setTimeout(connect, backoff(attempt++));
      });
    }

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url, listeners, initialResume, router]);

  // Stable across state changes, so subscribers don't resubscribe when the connection flips.
  const [subscribe] = useState(() => (listener: StreamListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <EscalationStreamContext value={value}>{children}</EscalationStreamContext>;
}
