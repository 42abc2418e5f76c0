"use client";

import { useSyncExternalStore } from "react";
import { isApplePlatform } from "@/components/command-palette/shortcut-keys";

export type ModifierKey = { label: "⌘" | "Ctrl"; aria: "Meta" | "Control" };

const APPLE: ModifierKey = { label: "⌘", aria: "Meta" };
const OTHER: ModifierKey = { label: "Ctrl", aria: "Control" };

const never = () => () => {};

/**
 * The palette's modifier key on this device: ⌘ on Apple platforms, Ctrl elsewhere. Null in the
 * server render and during hydration, so the markup matches and the hint appears right after.
 */
export function useModifierKey(): ModifierKey | null {
  return useSyncExternalStore(
    never,
    () => (isApplePlatform(navigator) ? APPLE : OTHER),
    () => null,
  );
}
