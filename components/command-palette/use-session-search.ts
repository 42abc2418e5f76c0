"use client";

import { useEffect, useState } from "react";
import type { PaletteSession } from "@/lib/command-palette/schemas";

/** Fewer characters than this match too much to be worth a request. */
export const MIN_SEARCH_LENGTH = 2;
const DEBOUNCE_MS = 150;
const UNREACHABLE = "FlowPilot could not be reached to search sessions. Check your connection and try again.";

type Answer = { query: string; sessions: PaletteSession[]; error: string | null };

export type SessionSearch =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "done"; sessions: PaletteSession[] };

async function fetchSessions(query: string, signal: AbortSignal): Promise<Omit<Answer, "query">> {
  const response = await fetch(`/api/v1/command-palette/sessions?${new URLSearchParams({ q: query })}`, { signal });
  const body = (await response.json().catch(() => null)) as { sessions?: PaletteSession[]; error?: { message?: string } } | null;
  if (!response.ok || !body?.sessions) {
    return { sessions: [], error: body?.error?.message ?? `Sessions could not be searched (HTTP ${response.status}). Try again.` };
  }
  return { sessions: body.sessions, error: null };
}

/**
 * The sessions matching `text`, asked of the server once typing pauses; a newer query cancels
 * the request of an older one, so a slow answer never replaces a fresher one.
 */
export function useSessionSearch(text: string): SessionSearch {
  const query = text.trim();
  const searchable = query.length >= MIN_SEARCH_LENGTH;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!searchable) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchSessions(query, controller.signal)
        .catch(() => ({ sessions: [], error: UNREACHABLE }))
        .then((result) => {
          if (!controller.signal.aborted) setAnswer({ query, ...result });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchable]);

  if (!searchable) return { state: "idle" };
  if (answer?.query !== query) return { state: "loading" };
  if (answer.error) return { state: "error", message: answer.error };
  return { state: "done", sessions: answer.sessions };
}
