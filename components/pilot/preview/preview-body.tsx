"use client";

import { useEffect, useId, useReducer, useState } from "react";
import { ArrowRightLeft, CheckCircle2, Pencil, RefreshCw, Undo2 } from "lucide-react";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { TextArea } from "@/components/ui/text-input";
import { showToast } from "@/components/ui/toast";
import { MarkdownText } from "@/components/pilot/markdown-text";
import { PreviewBadges } from "@/components/pilot/preview/preview-badges";
import { PsaFailureNotice } from "@/components/pilot/preview/psa-failure-notice";
import { initialPreviewState, previewReducer, previewText, type PreviewEvent } from "@/components/pilot/preview/preview-state";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import type { PostResolutionResult } from "@/lib/documents/post-resolution";
import type { DocumentPreview } from "@/lib/documents/preview";
import { previewEscalationPackageAction, previewResolutionNoteAction } from "@/app/(app)/pilot/[id]/actions";
import { escalateAndPostAction, resolveAndPostAction, type PsaFailure } from "@/app/(app)/pilot/[id]/psa-actions";

export type DocumentKindName = DocumentPreview["kind"];

const NOUN: Record<DocumentKindName, string> = { resolution_note: "resolution note", escalation_package: "escalation package" };
/** The escalation, posted to the ticket or not: `ok: false` means escalated in FlowPilot, but the PSA post failed. */
export type EscalationResult = NonNullable<Awaited<ReturnType<typeof escalateAndPostAction>>["data"]>;

const FAILED_TITLE: Record<DocumentKindName, string> = {
  resolution_note: "Resolved in FlowPilot, not posted to ConnectWise",
  escalation_package: "Escalated in FlowPilot, not posted to ConnectWise",
};

/** Loads the preview; resolves to the reducer event that records the outcome. */
async function fetchPreview(kind: DocumentKindName, id: string, refresh: boolean): Promise<PreviewEvent> {
  const action = kind === "resolution_note" ? previewResolutionNoteAction : previewEscalationPackageAction;
  const result = await action({ id, refresh }).catch((error: unknown) => {
    console.error(error);
    return undefined;
  });
  const message = actionErrorMessage(result);
  if (message || !result?.data) return { type: "failed", error: message ?? "The preview could not be loaded. Try again." };
  return { type: "loaded", preview: result.data };
}

// React may run the opening effect twice (Strict Mode); both runs share one request.
const opening = new Map<string, Promise<PreviewEvent>>();

function loadOpeningPreview(kind: DocumentKindName, id: string): Promise<PreviewEvent> {
  const key = `${kind}:${id}`;
  let running = opening.get(key);
  if (!running) {
    running = fetchPreview(kind, id, false).finally(() => opening.delete(key));
    opening.set(key, running);
  }
  return running;
}

type Props = {
  sessionId: string;
  kind: DocumentKindName;
  /** An edit of this document kept by the dialog (switching kinds doesn't lose it). */
  savedDraft: string | null;
  onDraftChange: (draft: string | null) => void;
  onKindChange: (kind: DocumentKindName) => void;
  onResolved: (result: PostResolutionResult) => void;
  onEscalated: (result: EscalationResult) => void;
};

/**
 * The preview itself: loads on open, Refresh regenerates, Edit switches to the markdown. Confirm
 * resolves with the note; for the package it escalates to the team with the engineer's reason.
 */
export function PreviewBody({ sessionId, kind, savedDraft, onDraftChange, onKindChange, onResolved, onEscalated }: Props) {
  const [state, dispatch] = useReducer(previewReducer, savedDraft, initialPreviewState);
  const [reason, setReason] = useState("");
  // The local change committed but the PSA post failed; the page re-renders around it, retry stays at hand.
  const [psaFailure, setPsaFailure] = useState<PsaFailure | null>(null);
  const [committed, setCommitted] = useState(false);
  const reasonId = useId();
  const post = useActionRunner();
  const { markdown, edited } = previewText(state);
  const noun = NOUN[kind];
  const escalating = kind === "escalation_package";

  useEffect(() => {
    let current = true;
    void loadOpeningPreview(kind, sessionId).then((outcome) => {
      if (current) dispatch(outcome.type === "loaded" ? { ...outcome, keepDraft: true } : outcome);
    });
    return () => {
      current = false;
    };
  }, [kind, sessionId]);

  async function refresh() {
    dispatch({ type: "load" });
    const outcome = await fetchPreview(kind, sessionId, true);
    if (outcome.type === "loaded") onDraftChange(null);
    dispatch(outcome);
  }

  function reportFailure(failure: PsaFailure) {
    setCommitted(true);
    setPsaFailure(failure);
    showToast({ tone: "error", title: FAILED_TITLE[kind], description: failure.message });
  }

  async function confirm() {
    if (escalating) {
      const outcome = await post.run(() => escalateAndPostAction({ id: sessionId, reason, package_markdown: edited ? markdown : undefined }));
      if (!outcome) return;
      if (!outcome.ok) reportFailure(outcome.failure);
      onEscalated(outcome);
      return;
    }
    const outcome = await post.run(() => resolveAndPostAction({ id: sessionId, markdown }));
    if (!outcome) return;
    if (outcome.ok) onResolved(outcome.result);
    else reportFailure(outcome.failure);
  }

  const busy = state.loading || post.pending || committed;
  return (
    <div className="mt-3">
      <PreviewBadges preview={state.preview} loading={state.loading} edited={edited} noun={noun} />

      <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50/60">
        {state.loading && !state.preview ? (
          <div role="status" className="space-y-3 p-4">
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner />
              Drafting the {noun} from the session…
            </p>
            {[90, 75, 85, 60].map((width) => (
              <div key={width} aria-hidden className="h-3 rounded bg-slate-200 motion-safe:animate-pulse" style={{ width: `${width}%` }} />
            ))}
          </div>
        ) : state.editing ? (
          <>
            <label htmlFor="preview-markdown" className="sr-only">
              {kind === "resolution_note" ? "Resolution note text" : "Escalation package text"}
            </label>
            <TextArea
              id="preview-markdown"
              value={markdown}
              onChange={(event) => {
                dispatch({ type: "change", text: event.target.value });
                onDraftChange(event.target.value);
              }}
              readOnly={post.pending}
              className="max-h-[55vh] min-h-64 rounded-lg border-0 bg-white font-mono text-xs shadow-none"
            />
          </>
        ) : state.preview ? (
          <div className="max-h-[55vh] overflow-y-auto p-4" aria-busy={state.loading || undefined} data-testid="preview-markdown">
            <MarkdownText markdown={markdown} />
          </div>
        ) : null}
      </div>

      {escalating && (
        <div className="mt-4">
          <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
            Why does this need a senior?
          </label>
          <TextArea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            readOnly={post.pending}
            maxLength={2000}
            rows={2}
            placeholder="e.g. Needs domain admin rights to reset the VPN certificate"
            className="mt-1"
          />
          <p className="mt-1 text-xs text-slate-500">Your teammates get it in the app, by email and in chat, with a link to pick it up.</p>
        </div>
      )}

      {state.error && <ErrorCallout className="mt-3">{state.error}</ErrorCallout>}
      {post.error && <ErrorCallout className="mt-3">{post.error}</ErrorCallout>}
      {psaFailure && (
        <PsaFailureNotice
          className="mt-3"
          sessionId={sessionId}
          postId={psaFailure.psa_post_id}
          message={psaFailure.message}
          canRetry
          onPosted={() => setPsaFailure(null)}
          onFailedAgain={(message) => setPsaFailure({ ...psaFailure, message })}
        />
      )}

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" onClick={() => void refresh()} disabled={busy || edited} aria-describedby={edited ? "refresh-hint" : undefined}>
          {state.loading && state.preview ? <Spinner /> : <RefreshCw aria-hidden className="size-3.5" />}
          Refresh
        </Button>
        {state.editing ? (
          <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "view" })} disabled={post.pending}>
            <CheckCircle2 aria-hidden className="size-3.5" />
            Done editing
          </Button>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "edit" })} disabled={busy || !state.preview}>
            <Pencil aria-hidden className="size-3.5" />
            Edit
          </Button>
        )}
        {edited && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              dispatch({ type: "discard" });
              onDraftChange(null);
            }}
            disabled={post.pending}
          >
            <Undo2 aria-hidden className="size-3.5" />
            Discard edits
          </Button>
        )}
        {edited && (
          <span id="refresh-hint" className="text-xs text-slate-500">
            Refresh is off while you have edits.
          </span>
        )}
      </div>

      <div className="mt-5 flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onKindChange(kind === "resolution_note" ? "escalation_package" : "resolution_note")}
          disabled={post.pending}
        >
          <ArrowRightLeft aria-hidden className="size-3.5" />
          {kind === "resolution_note" ? "Escalate instead" : "Resolve instead"}
        </Button>
        <div className="flex flex-col items-stretch gap-1.5 sm:items-end">
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary" disabled={post.pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button onClick={() => void confirm()} disabled={busy || !markdown.trim() || (escalating && !reason.trim())}>
              {post.pending && <Spinner className="text-on-accent" />}
              {escalating ? "Escalate to the team" : "Confirm & post"}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
