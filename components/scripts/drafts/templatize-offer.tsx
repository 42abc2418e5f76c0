"use client";

import { useEffect, useState } from "react";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { showToast } from "@/components/ui/toast";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import type { CategoryOption } from "@/components/scripts/drafts/draft-fields";
import { TemplatizeDraftForm } from "@/components/scripts/drafts/templatize-draft-form";
import { TemplatizeOptOut } from "@/components/scripts/drafts/templatize-opt-out";
import { loadTemplatizeOfferAction, stopTemplatizePromptsAction } from "@/app/(app)/scripts/drafts/actions";

type Offer = { drafts: DraftView[]; categories: CategoryOption[]; canOptOut: boolean };

/** Set once the engineer closed the offer or said "Not now", so reloading the session doesn't ask again in this tab. */
const dismissedKey = (sessionId: string) => `flowpilot:templatize-offer-dismissed:${sessionId}`;

/**
 * H5 templatize after resolve: on a resolved session, fetches the session's pending drafts (the
 * server decides whether this viewer should be asked at all) and offers them one at a time in a
 * dialog: accept with edits, "Not now" (the draft stays in the queue) or reject, plus "Don't ask
 * again for this team" for owners and admins.
 */
export function TemplatizeOffer({ sessionId }: { sessionId: string }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(true);
  const optOut = useActionRunner();

  useEffect(() => {
    let live = true;
    if (window.sessionStorage.getItem(dismissedKey(sessionId))) {
      queueMicrotask(() => live && setChecking(false));
      return;
    }
    void loadTemplatizeOfferAction({ session_id: sessionId }).then((result) => {
      if (live) setChecking(false);
      const data = result?.data;
      if (!live || !data || data.drafts.length === 0) return;
      setOffer({ drafts: data.drafts, categories: data.categories, canOptOut: data.can_opt_out });
      setIndex(0);
      setOpen(true);
    });
    return () => {
      live = false;
    };
  }, [sessionId]);

  function dismiss() {
    window.sessionStorage.setItem(dismissedKey(sessionId), "1");
    setOpen(false);
  }
  function next() {
    if (offer && index + 1 < offer.drafts.length) setIndex(index + 1);
    else dismiss();
  }
  async function stopAsking() {
    const done = await optOut.run(() => stopTemplatizePromptsAction());
    if (!done) return;
    showToast({ tone: "info", title: "Templatize prompts are off for your team", description: "Pending drafts stay under Scripts → Draft templates." });
    dismiss();
  }

  const draft = offer?.drafts[index];
  // Until the server has answered, the page is still settling: say so to anything that waits on it.
  if (checking) return <span hidden aria-busy="true" data-testid="templatize-offer-loading" />;
  if (!offer || !draft) return null;
  return (
    <Dialog open={open} onOpenChange={(isOpen) => (isOpen ? setOpen(true) : dismiss())}>
      <DialogContent
        title="Save as team template?"
        description="The fix on this session worked. Save its script as a template your team can reuse, with the values as parameters."
        meta={offer.drafts.length > 1 ? <Badge tone="indigo">{`Draft ${index + 1} of ${offer.drafts.length}`}</Badge> : undefined}
        className="max-w-3xl"
      >
        <TemplatizeDraftForm
          key={draft.id}
          draft={draft}
          categories={offer.categories}
          busy={optOut.pending}
          onDone={next}
        />
        <div className="mt-4 border-t border-slate-200 pt-3">
          <TemplatizeOptOut canOptOut={offer.canOptOut} pending={optOut.pending} error={optOut.error} onOptOut={() => void stopAsking()} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
