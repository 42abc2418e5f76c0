"use client";

import { useEffect, useRef } from "react";

/**
 * `callback`, called `delayMs` after the last of a burst of calls (typing in a search box).
 * `flush` runs a pending call at once (Enter); a pending call is dropped on unmount.
 */
export function useDebouncedCallback<Args extends unknown[]>(callback: (...args: Args) => void, delayMs: number) {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Args | null>(null);

  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function run() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const args = pending.current;
    pending.current = null;
    if (args) latest.current(...args);
  }

  return {
    call: (...args: Args) => {
      pending.current = args;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(run, delayMs);
    },
    flush: run,
    cancel: () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
    },
  };
}
