"use client";

import { useEffect, useRef } from "react";

/**
 * For a control that opens an in-place form and disappears while it is open: call `returnFocus()`
 * when closing the form, and focus lands back on the control once it is rendered again.
 */
export function useFocusReturn<T extends HTMLElement>(open: boolean) {
  const target = useRef<T>(null);
  const pending = useRef(false);

  useEffect(() => {
    if (open || !pending.current) return;
    pending.current = false;
    target.current?.focus();
  }, [open]);

  return {
    target,
    returnFocus: () => {
      pending.current = true;
    },
  };
}
