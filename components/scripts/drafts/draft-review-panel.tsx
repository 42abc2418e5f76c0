"use client";

import { Lock } from "lucide-react";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { DraftFields, type CategoryOption } from "@/components/scripts/drafts/draft-fields";
import { DraftMeta } from "@/components/scripts/drafts/draft-meta";
import { DraftOutcome } from "@/components/scripts/drafts/draft-outcome";
import { DraftStatusBadge } from "@/components/scripts/drafts/draft-status-badge";
import { useDraftDecision, type AcceptedTemplate } from "@/components/scripts/drafts/use-draft-decision";
import { useDraftForm } from "@/components/scripts/drafts/use-draft-form";

type Props = {
  draft: DraftView;
  categories: CategoryOption[];
  canEdit: boolean;
  onAccepted: (template: AcceptedTemplate) => void;
  onRejected: () => void;
};

/**
 * H5 review of one draft: the original script beside the templated body, the proposed parameters
 * (editable), name, description and category, then Accept or Reject. Mount with `key={draft.id}`.
 */
export function DraftReviewPanel({ draft, categories, canEdit, onAccepted, onRejected }: Props) {
  const form = useDraftForm(draft);
  const decision = useDraftDecision(form);
  const editable = canEdit && draft.status === "pending";

  async function accept() {
    const template = await decision.accept();
    if (template) onAccepted(template);
  }
  async function reject() {
    if (await decision.reject(draft.id)) onRejected();
  }

  return (
    <Card aria-labelledby="draft-review-title" className="space-y-5 p-4 sm:p-6">
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="draft-review-title" className="text-lg font-semibold text-slate-900">{draft.name}</h2>
          <DraftStatusBadge status={draft.status} />
        </div>
        <DraftMeta draft={draft} />
      </header>
      <DraftOutcome draft={draft} />
      {!canEdit && draft.status === "pending" && (
        <p className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          <Lock aria-hidden className="size-4 shrink-0 text-slate-500" />
          You can review drafts; engineers, admins and owners accept or reject them.
        </p>
      )}
      <DraftFields form={form} categories={categories} disabled={!editable} original={draft.original_script} />
      {editable && (
        <footer className="space-y-3 border-t border-slate-200 pt-4">
          {decision.error && <ErrorCallout>{decision.error}</ErrorCallout>}
          <div className="flex flex-wrap justify-end gap-2">
            <ConfirmDialog
              trigger={
                <Button variant="secondary" disabled={decision.pending}>
                  Reject
                </Button>
              }
              title="Reject this draft?"
              description="It won't be added to the library, and it can't be accepted later."
              confirmLabel="Reject draft"
              onConfirm={() => void reject()}
            />
            <Button onClick={() => void accept()} disabled={decision.pending || !form.fields.name.trim()}>
              {decision.pending && <Spinner className="text-on-accent" />}
              Accept
            </Button>
          </div>
        </footer>
      )}
    </Card>
  );
}
