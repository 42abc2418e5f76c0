"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";

/**
 * The fold of a long message. `content` is the clipped box: while folded, it is long when its
 * text runs past its max-height.
 * Folding again brings the message's top back into view, since "Show less" may sit far below it.
 */
export function useCollapsible(enabled: boolean) {
  const contentId = useId();
  const item = useRef<HTMLLIElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [long, setLong] = useState(false);

  // Measured before the first paint, then again whenever the box changes size (new width, new text).
  useLayoutEffect(() => {
    const element = content.current;
    if (!enabled || expanded || !element) return;
    const measure = () => setLong(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, expanded]);

  function toggle() {
    const folding = expanded;
    setExpanded(!expanded);
    if (folding) requestAnimationFrame(() => item.current?.scrollIntoView({ block: "nearest" }));
  }

  return { contentId, item, content, expanded, long, toggle };
}
