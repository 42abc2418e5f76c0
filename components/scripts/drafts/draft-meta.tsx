import Link from "next/link";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { RelativeTime } from "@/components/ui/relative-time";

/** Who drafted it, when, and the session (with its ticket) it came from. */
export function DraftMeta({ draft }: { draft: DraftView }) {
  return (
    <p className="text-sm text-slate-600">
      Drafted by {draft.created_by.name} <RelativeTime date={draft.created_at} />
      {draft.session && (
        <>
          {" · from "}
          <Link href={`/pilot/${draft.session.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            {draft.session.ticket_ref ? `${draft.session.ticket_ref}: ` : ""}
            {draft.session.title}
          </Link>
        </>
      )}
    </p>
  );
}
