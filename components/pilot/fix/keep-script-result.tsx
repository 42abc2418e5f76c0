"use client";

import Link from "next/link";
import { CheckCircle2, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { ScriptBlock } from "@/components/pilot/lane/script-block";
import type { DecisionResult } from "@/lib/fixes/fix-decision";

/** What the dialog shows once the engineer chose one-off or draft template: the script to run, and what was queued. */
export function KeepScriptResult({ result }: { result: Pick<DecisionResult, "decision" | "rendered_script" | "draft_template_id"> }) {
  const drafted = result.decision === "draft_template";
  return (
    <div className="mt-4 space-y-3">
      <p role="status" className="flex items-start gap-2 text-sm text-slate-800">
        {drafted ? (
          <Sparkles aria-hidden className="mt-0.5 size-4 shrink-0 text-indigo-600" />
        ) : (
          <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        )}
        <span>
          {drafted ? (
            <>
              <span className="font-medium">A draft template was queued.</span> You&apos;ll be offered it after you resolve the session, or review it now in{" "}
              <Link href="/scripts/drafts" className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600">
                Drafts
              </Link>
              .
            </>
          ) : (
            <>
              <span className="font-medium">Kept as a one-off.</span> Copy the script and run it; nothing was added to the library.
            </>
          )}
        </span>
      </p>
      {result.rendered_script && <ScriptBlock script={result.rendered_script} />}
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
