"use client";

import { useCommandState } from "cmdk";
import { MIN_SEARCH_LENGTH } from "@/components/command-palette/use-session-search";

/** Shown when no command matches and the text is still too short to search sessions. */
export function NoMatches({ searchingSessions }: { searchingSessions: boolean }) {
  const matches = useCommandState((state) => state.filtered.count);
  const search = useCommandState((state) => state.search);
  if (matches > 0 || searchingSessions || !search.trim()) return null;
  return (
    <div className="px-5 py-6 text-center text-sm text-slate-600">
      No command matches. Type at least {MIN_SEARCH_LENGTH} characters to search sessions by title, company or ticket.
    </div>
  );
}
