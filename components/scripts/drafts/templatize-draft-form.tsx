"use client";

import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { DraftFields, type CategoryOption } from "@/components/scripts/drafts/draft-fields";
import { useDraftDecision } from "@/components/scripts/drafts/use-draft-decision";
import { useDraftForm } from "@/components/scripts/drafts/use-draft-form";

type Props = {
  draft: DraftView;
  categories: CategoryOption[];
  /** Called once the draft is accepted or rejected, or skipped with "Not now" (it stays in the queue). */
  onDone: () => void;
  /** Disables the buttons while something else in the dialog (the opt-out) runs. */
  busy: boolean;
};

/** One offered draft: name, category, templated body and parameters, then Accept, Not now or Reject. Mount with `key={draft.id}`. */
export function TemplatizeDraftForm({ draft, categories, onDone, busy }: Props) {
  const form = useDraftForm(draft);
  const decision = useDraftDecision(form);
  const disabled = busy || decision.pending;

  async function accept() {
    if (await decision.accept()) onDone();
  }
  async function reject() {
    if (await decision.reject(draft.id)) onDone();
  }

  return (
    <form
      className="mt-4 space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void accept();
      }}
    >
      <DraftFields form={form} categories={categories} disabled={decision.pending} compact />
      {decision.error && <ErrorCallout>{decision.error}</ErrorCallout>}
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button variant="ghost" onClick={() => void reject()} disabled={disabled} className="text-red-700 hover:bg-red-50 sm:mr-auto">
          Reject
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={disabled}>
          Not now
        </Button>
        <Button type="submit" disabled={disabled || !form.fields.name.trim()}>
          {decision.pending && <Spinner className="text-on-accent" />}
          Accept
        </Button>
      </div>
    </form>
  );
}
