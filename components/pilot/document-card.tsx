import { FileText } from "lucide-react";
import { Card } from "@/components/ui/card";
import { MarkdownText } from "@/components/pilot/markdown-text";
import { PsaPostPanel } from "@/components/pilot/preview/psa-post-panel";
import type { PsaPostView } from "@/lib/psa/psa-post-view";

type Props = {
  title: string;
  markdown: string;
  /** Which document's PSA post to report under it (E4); the resolution note unless said otherwise. */
  psaKind?: PsaPostView["kind"];
  /** The session; defaults to the `/pilot/[id]` route's. */
  sessionId?: string;
  /** The latest post, when the page read it on the server; left out, the card reads it itself. */
  psaPost?: PsaPostView | null;
};

/** A posted document (the resolution note) shown read-only beside the conversation, with what happened on the ticket. */
export function DocumentCard({ title, markdown, psaKind = "resolution_note", sessionId, psaPost }: Props) {
  return (
    <Card aria-label={title} className="min-w-0 p-4 sm:p-5">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <FileText aria-hidden className="size-4 text-slate-500" />
        {title}
      </h2>
      <PsaPostPanel kind={psaKind} sessionId={sessionId} initial={psaPost} className="mt-3" />
      <div className="mt-3">
        <MarkdownText markdown={markdown} />
      </div>
    </Card>
  );
}
