import { Bot, Clock3, FileWarning, PencilLine, Sparkles, Ticket } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { DocumentPreview } from "@/lib/documents/preview";

type Props = { preview: DocumentPreview | null; loading: boolean; edited: boolean; noun: string };

/**
 * E3/E6: where the draft came from (cache or fresh, AI or deterministic, and for a deterministic one
 * the server's reason), whether it was edited, and where it goes.
 */
export function PreviewBadges({ preview, loading, edited, noun }: Props) {
  if (!preview) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1.5" aria-live="polite">
        {preview.from_cache ? (
          <Badge tone="neutral" title="Nothing changed since this draft was written, so it came from the preview cache.">
            <Clock3 aria-hidden className="size-3" />
            Cached
          </Badge>
        ) : (
          <Badge tone="indigo" title="Written just now from the session's current state.">
            <Sparkles aria-hidden className="size-3" />
            Fresh
          </Badge>
        )}
        {preview.ai_generated ? (
          <Badge tone="blue">
            <Bot aria-hidden className="size-3" />
            AI draft
          </Badge>
        ) : (
          <Badge tone="amber">
            <FileWarning aria-hidden className="size-3" />
            Drafted without AI
          </Badge>
        )}
        {edited && (
          <Badge tone="orange">
            <PencilLine aria-hidden className="size-3" />
            Edited
          </Badge>
        )}
        {loading && <span className="text-xs text-slate-500">Refreshing…</span>}
      </div>
      {!preview.ai_generated && (
        <p className="text-sm text-amber-900" data-testid="fallback-reason">
          {preview.fallback_reason ?? `The AI was unavailable, so FlowPilot built this ${noun} from the session's facts and fix.`} Read it through
          before posting.
        </p>
      )}
      <p className="flex items-center gap-1.5 text-xs text-slate-600">
        <Ticket aria-hidden className="size-3.5 text-slate-400" />
        {preview.ticket_ref
          ? `Linked to ticket ${preview.ticket_ref}.`
          : `No ticket linked: posting keeps the ${noun} in FlowPilot only.`}
      </p>
    </div>
  );
}
