"use client";

import { useState } from "react";
import { Wrench } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { isFinalFixStatus, type PilotFix, type ProposedOutcome } from "@/components/pilot/pilot-types";
import { ConfidenceBadge, FixStageBadge } from "@/components/pilot/lane/fix-badges";
import { InlineTextForm } from "@/components/pilot/lane/inline-text-form";
import { LaneSection } from "@/components/pilot/lane/lane-section";
import { ScriptBlock } from "@/components/pilot/lane/script-block";
import { WorkedBefore } from "@/components/pilot/seen-before-worked";
import { FixScriptActions } from "@/components/pilot/fix/fix-script-actions";
import type { FixScriptInfo } from "@/components/pilot/fix/fix-script-info";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { useFocusReturn } from "@/components/pilot/use-focus-return";
import { applyFixAction, decideFixAction, recordFixOutcomeAction } from "@/app/(app)/pilot/[id]/actions";
import type { PilotFixTemplate } from "@/lib/sessions/pilot-view";

type Busy = "apply" | "dismiss" | "applied_success" | "applied_failed" | "applied_partial" | null;

type Props = {
  sessionId: string;
  fix: PilotFix | null;
  /** D2: the fix's script path (template match, drafted values, decision); without it the card offers none. */
  script?: { info: FixScriptInfo; fixTemplate: PilotFixTemplate | null };
};

/**
 * D1–D4: the active suggested fix — apply it ("Verifying"), record whether it worked, or dismiss
 * it; D2: generate it from the matched template, or keep its script (one-off / draft / build).
 */
export function SuggestedFixCard({ sessionId, fix, script }: Props) {
  const [busy, setBusy] = useState<Busy>(null);
  const [partialOpen, setPartialOpen] = useState(false);
  const { target: partialButton, returnFocus } = useFocusReturn<HTMLButtonElement>(partialOpen);
  const action = useActionRunner();

  async function perform(which: Exclude<Busy, null>, call: Parameters<typeof action.run>[0]) {
    setBusy(which);
    const done = await action.run(call);
    setBusy(null);
    return done;
  }

  if (!fix) {
    return (
      <LaneSection id="suggested-fix" title="Suggested fix" icon={Wrench} iconClassName="text-amber-600">
        <p className="mt-2 text-sm text-slate-600">No fix suggested yet. FlowPilot suggests one once the facts point to a cause.</p>
      </LaneSection>
    );
  }

  const ids = { id: sessionId, fid: fix.id };
  const final = isFinalFixStatus(fix.status);
  const verifying = fix.status === "proposed" && fix.appliedAt !== null;
  const canRecord = verifying || fix.status === "applied_partial";

  const record = (outcome: ProposedOutcome, notes?: string | null) =>
    perform(outcome, () => recordFixOutcomeAction({ ...ids, outcome, notes: notes ?? undefined }));

  async function savePartial(notes: string) {
    if (await record("applied_partial", notes)) setPartialOpen(false);
  }

  const spin = (which: Busy, light = false) => busy === which && <Spinner className={light ? "text-on-accent" : undefined} />;

  return (
    <LaneSection
      id="suggested-fix"
      title="Suggested fix"
      icon={Wrench}
      iconClassName="text-amber-600"
      className="border-amber-200 bg-gradient-to-b from-amber-50/60 to-white"
    >
      <h3 className="mt-3 text-sm font-semibold text-slate-900">{fix.title}</h3>
      <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
        <FixStageBadge fix={fix} />
        <ConfidenceBadge confidence={fix.confidence} />
      </div>
      {fix.sourceSession && <WorkedBefore source={fix.sourceSession} />}
      <p className="mt-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-700">{fix.description}</p>
      {fix.script && <ScriptBlock script={fix.script} />}

      {verifying && (
        <p className="mt-3 text-sm text-slate-700">
          Applied <RelativeTime date={fix.appliedAt!} />. Did it work?
        </p>
      )}
      {fix.status === "applied_partial" && (
        <p className="mt-3 text-sm text-slate-700">
          <span className="font-medium">Partly worked:</span> {fix.partialNotes}
          <span className="mt-1 block">Did it finally work?</span>
        </p>
      )}
      {fix.status === "applied_success" && (
        <p className="mt-3 text-sm text-emerald-800">
          Confirmed working{fix.verifiedAt && <> <RelativeTime date={fix.verifiedAt} /></>}. Resolve the session when the user agrees.
        </p>
      )}
      {fix.status === "applied_failed" && (
        <p className="mt-3 text-sm text-red-800">
          It didn&apos;t work{fix.failureReason ? `: ${fix.failureReason}` : "."} Tell FlowPilot what happened to get another idea.
        </p>
      )}

      {partialOpen ? (
        <InlineTextForm
          className="mt-3"
          label="What is still not working?"
          showLabel
          submitLabel="Save partial outcome"
          pendingLabel="Saving…"
          pending={busy === "applied_partial"}
          error={action.error}
          onSubmit={savePartial}
          onCancel={() => {
            action.setError(null);
            returnFocus();
            setPartialOpen(false);
          }}
        />
      ) : (
        !final && (
          <div className="mt-3 flex flex-wrap gap-2">
            {fix.status === "proposed" && !fix.appliedAt && (
              <Button size="sm" onClick={() => void perform("apply", () => applyFixAction(ids))} disabled={busy !== null}>
                {spin("apply", true)}
                Apply fix
              </Button>
            )}
            {canRecord && (
              <>
                <Button size="sm" variant="secondary" onClick={() => void record("applied_success")} disabled={busy !== null}>
                  {spin("applied_success")}
                  It worked
                </Button>
                <Button size="sm" variant="secondary" onClick={() => void record("applied_failed")} disabled={busy !== null}>
                  {spin("applied_failed")}
                  It didn&apos;t work
                </Button>
                {verifying && (
                  <Button ref={partialButton} size="sm" variant="secondary" onClick={() => setPartialOpen(true)} disabled={busy !== null}>
                    Partly worked
                  </Button>
                )}
              </>
            )}
            {fix.status === "proposed" && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => void perform("dismiss", () => decideFixAction({ ...ids, decision: "dismissed" }))}
                disabled={busy !== null}
              >
                {spin("dismiss")}
                Dismiss fix
              </Button>
            )}
          </div>
        )
      )}
      {action.error && !partialOpen && <ErrorCallout className="mt-3">{action.error}</ErrorCallout>}
      {script && <FixScriptActions sessionId={sessionId} fix={fix} info={script.info} fixTemplate={script.fixTemplate} />}
    </LaneSection>
  );
}
