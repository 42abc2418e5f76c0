"use client";

import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";

/**
 * Grows a textarea with its text. Its CSS `max-height` caps the growth; past it the box scrolls
 * inside. Done in script because `field-sizing: content` is not in every browser. Returns the
 * ref to put on the box, and hands the box on to `forwarded` too.
 */
export function useAutosize(value: string, forwarded?: Ref<HTMLTextAreaElement>) {
  const box = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(forwarded, () => box.current as HTMLTextAreaElement, []);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.style.height = "auto";
    const borders = element.offsetHeight - element.clientHeight;
    element.style.height = `${element.scrollHeight + borders}px`;
  }, [value]);
  return box;
}
