"use client";

import { useActionRunner } from "@/components/pilot/use-action-runner";
import { showToast } from "@/components/ui/toast";
import { acceptDraftTemplateAction, rejectDraftTemplateAction } from "@/app/(app)/scripts/drafts/actions";
import type { DraftForm } from "@/components/scripts/drafts/use-draft-form";

export type AcceptedTemplate = { id: string; name: string; version: number };

/**
 * Accept and reject for one draft: pending state, the server's own message on failure, a toast on
 * success. The actions revalidate the layout, so the sidebar badge and the queue follow.
 */
export function useDraftDecision(form: DraftForm) {
  const { pending, error, run } = useActionRunner();

  async function accept(): Promise<AcceptedTemplate | null> {
    const result = await run(() => acceptDraftTemplateAction(form.toAcceptInput()));
    if (!result) return null;
    showToast({ tone: "success", title: `Saved “${result.template.name}” to the team library`, description: "Find it under Scripts." });
    return result.template;
  }

  async function reject(draftId: string): Promise<boolean> {
    const result = await run(() => rejectDraftTemplateAction({ id: draftId }));
    if (!result) return false;
    showToast({ tone: "info", title: "Draft rejected", description: `“${result.name}” won't be added to the library.` });
    return true;
  }

  return { pending, error, accept, reject };
}
