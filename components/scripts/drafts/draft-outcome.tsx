import Link from "next/link";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { RelativeTime } from "@/components/ui/relative-time";

/** What became of a draft that is no longer pending (the audit view). */
export function DraftOutcome({ draft }: { draft: DraftView }) {
  if (draft.status === "pending") return null;
  return (
    <p role="status" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
      {draft.status === "accepted" ? "Accepted" : "Rejected"}
      {draft.resolved_at && (
        <>
          {" "}
          <RelativeTime date={draft.resolved_at} />
        </>
      )}
      .
      {draft.status === "accepted" && draft.promoted_template_id && (
        <>
          {" "}
          <Link href={`/scripts/templates/${draft.promoted_template_id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            Open the template
          </Link>
        </>
      )}
    </p>
  );
}
