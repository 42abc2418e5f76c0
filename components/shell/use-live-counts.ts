"use client";

import { createContext, useContext } from "react";
import type { NavCountKey } from "@/components/shell/nav-items";

/** The shell's numbers: the sidebar counts and the bell's unread count. */
export type ShellCounts = Record<NavCountKey, number> & { unread: number };

export const LiveCountsContext = createContext<ShellCounts | null>(null);

/** The shell counts, kept current by LiveCountsProvider; `fallback` outside it. */
export function useLiveCounts(fallback: ShellCounts): ShellCounts {
  return useContext(LiveCountsContext) ?? fallback;
}
