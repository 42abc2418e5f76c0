"use client";

import { useState } from "react";
import { Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import type { PilotFix, OutcomeProposal } from "@/components/pilot/pilot-types";
import { InlineTextForm } from "@/components/pilot/lane/inline-text-form";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { clearOutcomeProposalAction, recordFixOutcomeAction } from "@/app/(app)/pilot/[id]/actions";

const VERDICT = { applied_success: "worked", applied_failed: "didn't work", applied_partial: "only partly worked" } as const;

type Props = { sessionId: string; fix: PilotFix; proposal: OutcomeProposal };

/**
 * D5: the model read an outcome in the chat ("The AI thinks this fix worked — confirm?"). Only
 * the engineer's Confirm records it; Not yet deletes the proposal. A partial outcome without the
 * model's notes asks for them first (the server requires notes for it).
 */
export function OutcomeBanner({ sessionId, fix, proposal }: Props) {
  const [busy, setBusy] = useState<"confirm" | "not-yet" | null>(null);
  const [askNotes, setAskNotes] = useState(false);
  const action = useActionRunner();
  const ids = { id: sessionId, fid: fix.id };

  async function confirm(notes: string | null) {
    setBusy("confirm");
    await action.run(() => recordFixOutcomeAction({ ...ids, outcome: proposal.outcome, notes: notes ?? undefined }));
    setBusy(null);
  }

  async function notYet() {
    setBusy("not-yet");
    await action.run(() => clearOutcomeProposalAction(ids));
    setBusy(null);
  }

  return (
    <section aria-label="Outcome proposal" className="mx-3 mb-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 sm:mx-4">
      <p role="status" className="flex items-start gap-2 text-sm font-medium text-slate-900">
        <Sparkles aria-hidden className="mt-0.5 size-4 shrink-0 text-indigo-600" />
        <span>
          The AI thinks this fix {VERDICT[proposal.outcome]} — confirm?
          <span className="block font-normal text-slate-600">{fix.title}</span>
        </span>
      </p>
      {proposal.notes && <p className="mt-1 pl-6 text-sm text-slate-700">“{proposal.notes}”</p>}
      {askNotes ? (
        <InlineTextForm
          className="mt-2 pl-6"
          label="What is still not working?"
          showLabel
          submitLabel="Confirm outcome"
          pendingLabel="Saving…"
          pending={busy === "confirm"}
          error={action.error}
          onSubmit={(notes) => void confirm(notes)}
          onCancel={() => {
            action.setError(null);
            setAskNotes(false);
          }}
        />
      ) : (
        <>
          <div className="mt-2 flex flex-wrap gap-2 pl-6">
            <Button
              size="sm"
              onClick={() => (proposal.outcome === "applied_partial" && !proposal.notes ? setAskNotes(true) : void confirm(proposal.notes))}
              disabled={busy !== null}
            >
              {busy === "confirm" && <Spinner className="text-on-accent" />}
              Confirm outcome
            </Button>
            <Button size="sm" variant="secondary" onClick={() => void notYet()} disabled={busy !== null}>
              {busy === "not-yet" && <Spinner />}
              Not yet
            </Button>
          </div>
          {action.error && <ErrorCallout className="mt-2 ml-6">{action.error}</ErrorCallout>}
        </>
      )}
    </section>
  );
}
