"use client";

import { useEffect, useState } from "react";
import { useParams } from "next/navigation";
import { CheckCircle2 } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { PsaFailureNotice } from "@/components/pilot/preview/psa-failure-notice";
import { postedLine } from "@/components/pilot/preview/psa-post-text";
import type { PsaPostView } from "@/lib/psa/psa-post-view";
import { latestPsaPostAction } from "@/app/(app)/pilot/[id]/psa-actions";

type Props = {
  kind: PsaPostView["kind"];
  /** Defaults to the `/pilot/[id]` route's id. */
  sessionId?: string;
  /** The post read on the server (pilot view data); left out, the panel reads it itself. */
  initial?: PsaPostView | null;
  className?: string;
};

/**
 * E4/F1: what happened on the linked ticket for the session's resolution note or escalation
 * package — posted (with the verified status or why it was skipped), in progress, or failed with
 * the server's message and "Retry posting to ConnectWise". Shows nothing without a post.
 */
export function PsaPostPanel({ kind, sessionId: given, initial, className }: Props) {
  const params = useParams<{ id?: string }>();
  const sessionId = given ?? params.id;
  const [post, setPost] = useState<PsaPostView | null | undefined>(initial);

  useEffect(() => {
    if (initial !== undefined || !sessionId) return;
    let current = true;
    void latestPsaPostAction({ id: sessionId, kind })
      .then((result) => {
        if (current) setPost(result?.data ?? null);
      })
      .catch((error: unknown) => console.error(error));
    return () => {
      current = false;
    };
  }, [initial, sessionId, kind]);

  if (!post || !sessionId) return null;
  if (post.status === "posted") {
    return (
      <p role="status" data-testid="psa-post-status" className={cn("flex items-start gap-1.5 text-sm text-emerald-800", className)}>
        <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        {postedLine(post)}
      </p>
    );
  }
  if (post.status === "pending") {
    return (
      <p role="status" data-testid="psa-post-status" className={cn("flex items-center gap-1.5 text-sm text-slate-600", className)}>
        <Spinner />
        Posting to ConnectWise ticket #{post.ticket_id}…
      </p>
    );
  }
  return (
    <PsaFailureNotice
      className={className}
      sessionId={sessionId}
      postId={post.id}
      message={post.message ?? post.last_error ?? "Posting to ConnectWise failed."}
      canRetry={post.can_retry}
      onPosted={(posted) => setPost({ ...post, ...posted, status: "posted", last_error: null, message: null, can_retry: false })}
      onFailedAgain={(message) => setPost({ ...post, message })}
    />
  );
}
