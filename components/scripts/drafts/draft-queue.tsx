"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { CheckCircle2, Inbox } from "lucide-react";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { EmptyState } from "@/components/ui/empty-state";
import type { CategoryOption } from "@/components/scripts/drafts/draft-fields";
import { DraftList } from "@/components/scripts/drafts/draft-list";
import { DraftReviewPanel } from "@/components/scripts/drafts/draft-review-panel";
import type { AcceptedTemplate } from "@/components/scripts/drafts/use-draft-decision";

type Props = {
  drafts: DraftView[];
  categories: CategoryOption[];
  canEdit: boolean;
  /** "all" is the audit view: accepted and rejected drafts too. */
  view: "pending" | "all";
};

/**
 * H5 queue: the drafts beside the review panel of the open one (stacked on a phone). After a
 * decision the server re-renders the list (the action revalidates), and the next draft opens.
 */
export function DraftQueue({ drafts, categories, canEdit, view }: Props) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [saved, setSaved] = useState<AcceptedTemplate | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const selected = drafts.find((draft) => draft.id === selectedId) ?? drafts[0] ?? null;

  function open(id: string) {
    setSelectedId(id);
    // On a phone the panel is below the list: bring it into view.
    requestAnimationFrame(() => panel.current?.scrollIntoView({ block: "start", behavior: "smooth" }));
  }

  return (
    <div className="space-y-4">
      {saved && (
        <p role="status" className="flex flex-wrap items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <CheckCircle2 aria-hidden className="size-4 shrink-0 text-emerald-700" />
          Saved “{saved.name}” as a team template.
          <Link href={`/scripts/templates/${saved.id}`} className="font-medium underline underline-offset-2">
            Open it
          </Link>
        </p>
      )}
      {selected === null ? (
        <EmptyState icon={Inbox} title={view === "pending" ? "No drafts waiting for review" : "No draft templates yet"}>
          When an engineer chooses “Draft template” for a fix that worked, the draft lands here to be reviewed and saved to the team
          library.
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
          <DraftList drafts={drafts} selectedId={selected.id} showStatus={view === "all"} onSelect={open} />
          <div ref={panel} className="scroll-mt-4">
            <DraftReviewPanel
              key={selected.id}
              draft={selected}
              categories={categories}
              canEdit={canEdit}
              onAccepted={(template) => {
                setSaved(template);
                setSelectedId(null);
              }}
              onRejected={() => {
                setSaved(null);
                setSelectedId(null);
              }}
            />
          </div>
        </div>
      )}
    </div>
  );
}
