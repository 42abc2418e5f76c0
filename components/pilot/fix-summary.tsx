import { Wrench } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { PilotFix } from "@/components/pilot/pilot-types";
import { ConfidenceBadge, FixStageBadge } from "@/components/pilot/lane/fix-badges";

/** The session's active fix, read-only: what was suggested and what came of it. */
export function FixSummary({ fix }: { fix: PilotFix }) {
  return (
    <Card aria-labelledby="fix-summary-heading" className="p-4 sm:p-5">
      <h2 id="fix-summary-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Wrench aria-hidden className="size-4 text-slate-500" />
        Suggested fix
      </h2>
      <p className="mt-3 text-sm font-medium text-slate-900">{fix.title}</p>
      <div className="mt-1.5 flex flex-wrap gap-1.5">
        <FixStageBadge fix={fix} />
        <ConfidenceBadge confidence={fix.confidence} />
      </div>
      <p className="mt-2 text-sm text-slate-700">{fix.description}</p>
      {fix.partialNotes && <p className="mt-2 text-sm text-slate-700">Partly worked: {fix.partialNotes}</p>}
      {fix.failureReason && <p className="mt-2 text-sm text-slate-700">Why it failed: {fix.failureReason}</p>}
    </Card>
  );
}
