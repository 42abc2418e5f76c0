"use client";

import { useState, type RefObject } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { PreviewBody, type DocumentKindName, type EscalationResult } from "@/components/pilot/preview/preview-body";
import type { PostResolutionResult } from "@/lib/documents/post-resolution";

const TITLES: Record<DocumentKindName, string> = { resolution_note: "Resolution note", escalation_package: "Escalation package" };

type Props = {
  sessionId: string;
  kind: DocumentKindName | null;
  /** Where focus goes back to when the dialog closes (the button that opened it). */
  returnFocus: RefObject<HTMLElement | null>;
  onKindChange: (kind: DocumentKindName) => void;
  onClose: () => void;
  onResolved: (result: PostResolutionResult) => void;
  onEscalated: (result: EscalationResult) => void;
};

/** E1–E4: the preview of the document a Resolve or an Escalate would post, with edit and confirm. */
export function DocumentPreviewDialog({ sessionId, kind, returnFocus, onKindChange, onClose, onResolved, onEscalated }: Props) {
  // Edits per kind, kept while the dialog is open so "Escalate instead" and back loses nothing.
  const [drafts, setDrafts] = useState<Partial<Record<DocumentKindName, string>>>({});

  function handleOpenChange(open: boolean) {
    if (open) return;
    setDrafts({});
    onClose();
  }

  return (
    <Dialog open={kind !== null} onOpenChange={handleOpenChange}>
      {kind && (
        <DialogContent
          title={TITLES[kind]}
          className="max-w-2xl"
          // The buttons are disabled while the draft loads; start on the panel itself (it is named by its title).
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement | null)?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus.current?.focus();
          }}
        >
          <PreviewBody
            key={kind}
            sessionId={sessionId}
            kind={kind}
            savedDraft={drafts[kind] ?? null}
            onDraftChange={(draft) => setDrafts((current) => ({ ...current, [kind]: draft ?? undefined }))}
            onKindChange={onKindChange}
            onResolved={(result) => {
              setDrafts({});
              onResolved(result);
            }}
            onEscalated={(result) => {
              setDrafts({});
              onEscalated(result);
            }}
          />
        </DialogContent>
      )}
    </Dialog>
  );
}
