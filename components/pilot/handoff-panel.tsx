import { ArrowRightLeft, Info } from "lucide-react";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { MarkdownText } from "@/components/pilot/markdown-text";
import { PickUpButton } from "@/components/escalations/pick-up-button";
import type { PickUpOffer } from "@/lib/handoffs/queue";

type Props = {
  sessionId: string;
  escalatedBy: string;
  escalatedAt: Date | null;
  reason: string | null;
  packageMarkdown: string | null;
  offer: PickUpOffer;
};

const notices: Record<Exclude<PickUpOffer["kind"], "claim">, string> = {
  own: "You escalated this session; a teammate will pick it up. You can read the handoff here.",
  read_only: "Viewers can read the handoff; an engineer or admin picks it up.",
  none: "This escalation can't be picked up from here. Reload to see where the session is.",
};

/**
 * F7, the "magic moment": what a senior reads before carrying on — who escalated and why, the
 * escalation package — and one button to pick the session up (never for the escalator or viewers).
 * The facts, what was tried and the chat so far follow on the page.
 */
export function HandoffPanel({ sessionId, escalatedBy, escalatedAt, reason, packageMarkdown, offer }: Props) {
  return (
    <Card aria-labelledby="handoff-heading" className="border-orange-200 bg-orange-50/40 p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="handoff-heading" className="flex items-center gap-2 text-base font-semibold text-slate-900">
          <ArrowRightLeft aria-hidden className="size-5 text-orange-600" />
          Escalation handoff
        </h2>
        <p className="text-sm text-slate-600">
          Escalated by <span className="font-medium text-slate-900">{escalatedBy}</span>
          {escalatedAt && (
            <>
              {" "}
              <RelativeTime date={escalatedAt} />
            </>
          )}
        </p>
      </div>

      <dl className="mt-4 space-y-4">
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Why it was escalated</dt>
          <dd className="mt-1 text-sm text-slate-900">{reason ?? "No reason was given."}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Escalation package</dt>
          <dd className="mt-2 rounded-lg border border-slate-200 bg-white p-4">
            {packageMarkdown ? (
              <MarkdownText markdown={packageMarkdown} />
            ) : (
              <p className="text-sm text-slate-600">No escalation package was written for this session.</p>
            )}
          </dd>
        </div>
      </dl>

      {offer.kind === "claim" ? (
        <div className="mt-5 flex flex-col gap-3 border-t border-orange-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-700">Pick it up to become the handler and carry on with everything above.</p>
          <PickUpButton sessionId={sessionId} handoffId={offer.handoffId} describedBy="handoff-heading" />
        </div>
      ) : (
        <p className="mt-4 flex items-start gap-2 text-sm text-slate-700">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
          {notices[offer.kind]}
        </p>
      )}
    </Card>
  );
}
