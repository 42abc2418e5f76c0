"use client";

import { useCallback, useEffect, useRef } from "react";

const FLASH_MS = 1000;

/** "(2) New escalations — FlowPilot": what the tab shows, in turn with its own title. */
export function flashTitle(count: number): string {
  return `(${count}) New ${count === 1 ? "escalation" : "escalations"} — FlowPilot`;
}

/**
 * Flashes the tab title while the tab is hidden, counting what arrived, until the person comes
 * back (the tab shows or the window gets focus); then the page's own title returns. Returns
 * `notify`, to call for each new escalation.
 */
export function useTitleFlash(): () => void {
  const flash = useRef({ count: 0, original: "", timer: undefined as ReturnType<typeof setInterval> | undefined });

  const stop = useCallback(() => {
    const current = flash.current;
    if (current.timer === undefined) return;
    clearInterval(current.timer);
    document.title = current.original;
    flash.current = { count: 0, original: "", timer: undefined };
  }, []);

  useEffect(() => {
    const onVisibility = () => {
      if (!document.hidden) stop();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("focus", stop);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("focus", stop);
      stop();
    };
  }, [stop]);

  return useCallback(() => {
    if (!document.hidden) return;
    const current = flash.current;
    if (current.timer === undefined) current.original = document.title;
    current.count += 1;
    clearInterval(current.timer);
    document.title = flashTitle(current.count);
    let showingFlash = true;
    current.timer = setInterval(() => {
      showingFlash = !showingFlash;
      document.title = showingFlash ? flashTitle(current.count) : current.original;
    }, FLASH_MS);
  }, []);
}
