import { ArrowRightLeft, Info } from "lucide-react";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { MarkdownText } from "@/components/pilot/markdown-text";

type Props = {
  escalatedBy: string;
  escalatedAt: Date | null;
  reason: string | null;
  packageMarkdown: string | null;
};

/** The handoff context a senior reads before picking up an escalated session (F7, read-only for now). */
export function HandoffPanel({ escalatedBy, escalatedAt, reason, packageMarkdown }: Props) {
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

      <p className="mt-4 flex items-start gap-2 text-sm text-slate-700">
        <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
        Picking up this session arrives with escalation mode. Until then you can read the full context here.
      </p>
    </Card>
  );
}
