"use client";

import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { DraftStatusBadge } from "@/components/scripts/drafts/draft-status-badge";

type Props = {
  drafts: DraftView[];
  selectedId: string | null;
  /** The audit view shows each draft's status. */
  showStatus: boolean;
  onSelect: (id: string) => void;
};

/** The queue's drafts as a list of buttons; the open one is marked current. */
export function DraftList({ drafts, selectedId, showStatus, onSelect }: Props) {
  return (
    <ul aria-label="Draft templates" className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {drafts.map((draft) => {
        const selected = draft.id === selectedId;
        const parameters = draft.proposed_parameters.length;
        return (
          <li key={draft.id}>
            <button
              type="button"
              onClick={() => onSelect(draft.id)}
              aria-current={selected ? "true" : undefined}
              className={cn(
                "block w-full px-4 py-3 text-left transition-colors hover:bg-slate-50",
                selected && "bg-indigo-50 hover:bg-indigo-50",
                focusRing,
                "focus-visible:-outline-offset-2",
              )}
            >
              <span className="flex items-start justify-between gap-2">
                <span className="min-w-0 font-medium break-words text-slate-900">{draft.name}</span>
                {showStatus && <DraftStatusBadge status={draft.status} />}
              </span>
              <span className="mt-0.5 block truncate text-sm text-slate-600">
                {draft.session ? `${draft.session.ticket_ref ? `${draft.session.ticket_ref} · ` : ""}${draft.session.title}` : "No session"}
              </span>
              <span className="mt-0.5 block text-xs text-slate-600">
                {parameters} {parameters === 1 ? "parameter" : "parameters"} · {draft.language} · {draft.created_by.name},{" "}
                <RelativeTime date={draft.created_at} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
