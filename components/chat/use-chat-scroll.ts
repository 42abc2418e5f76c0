"use client";

import { useEffect, useRef } from "react";

/**
 * A chat's scroller and composer. Stays pinned to the newest message while the reader is at the
 * bottom (new turns, streamed words, a banner that shrinks the view) and leaves them be once they
 * scroll up to read; hands the keyboard back to the composer once a reply sent from here settles.
 * The scroller's first child is the content whose growth it follows.
 */
export function useChatScroll(busy: boolean) {
  const scroller = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const pinned = useRef(true);
  const sent = useRef(false);

  useEffect(() => {
    const element = scroller.current;
    const content = element?.firstElementChild;
    if (!element || !content) return;
    const follow = () => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    };
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    observer.observe(content);
    follow();
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!busy && sent.current) composer.current?.focus();
  }, [busy]);

  function onScroll() {
    const element = scroller.current;
    if (element) pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  }

  /** A message is going out: follow it down, and focus the composer again once its reply settles. */
  function markSent() {
    pinned.current = true;
    sent.current = true;
  }

  return { scroller, composer, onScroll, markSent };
}
