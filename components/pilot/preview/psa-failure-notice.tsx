"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { showToast } from "@/components/ui/toast";
import { postedLine, type PostedSummary } from "@/components/pilot/preview/psa-post-text";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { retryPsaPostAction } from "@/app/(app)/pilot/[id]/psa-actions";

type Props = {
  sessionId: string;
  postId: string;
  /** The server's message: what stands in FlowPilot, and ConnectWise's words for what failed. */
  message: string;
  canRetry: boolean;
  onPosted: (post: PostedSummary) => void;
  onFailedAgain: (message: string) => void;
  className?: string;
};

/** A failed PSA post after a local resolve/escalation: the server's message and "Retry posting to ConnectWise". */
export function PsaFailureNotice({ sessionId, postId, message, canRetry, onPosted, onFailedAgain, className }: Props) {
  const retry = useActionRunner();

  async function handleRetry() {
    const outcome = await retry.run(() => retryPsaPostAction({ id: sessionId, post_id: postId }));
    if (!outcome) return;
    if (outcome.ok) {
      onPosted(outcome.result.psa);
      showToast({ tone: "success", title: "Posted to ConnectWise", description: postedLine(outcome.result.psa) });
    } else {
      onFailedAgain(outcome.failure.message);
    }
  }

  return (
    <div role="alert" data-testid="psa-post-failed" className={cn("rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950", className)}>
      <p className="flex items-start gap-2">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
        <span className="min-w-0 break-words">{message}</span>
      </p>
      {canRetry && (
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => void handleRetry()} disabled={retry.pending}>
          {retry.pending ? <Spinner /> : <RotateCw aria-hidden className="size-3.5" />}
          Retry posting to ConnectWise
        </Button>
      )}
      {retry.error && <ErrorCallout className="mt-2">{retry.error}</ErrorCallout>}
    </div>
  );
}
