"use client";

import { useRouter } from "next/navigation";
import { GitBranch } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import type { ForkSuggestion } from "@/components/pilot/pilot-types";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { createSessionAction } from "@/app/(app)/pilot/actions";

type Props = { sessionId: string; fork: ForkSuggestion; onDismiss: () => void };

/** B2 [FORK]: the model thinks the chat split into a separate problem; offer a new session for it. */
export function ForkCallout({ sessionId, fork, onDismiss }: Props) {
  const router = useRouter();
  const { pending, error, run } = useActionRunner();

  async function startFork() {
    const created = await run(() => createSessionAction({ title: fork.title.slice(0, 200), forked_from_id: sessionId, fork_summary: fork.summary }));
    if (created) router.push(`/pilot/${created.id}`);
  }

  return (
    <section aria-label="Separate problem" className="mx-3 mb-3 rounded-lg border border-violet-200 bg-violet-50/60 p-3 sm:mx-4">
      <p className="flex items-start gap-2 text-sm font-medium text-slate-900">
        <GitBranch aria-hidden className="mt-0.5 size-4 shrink-0 text-violet-600" />
        <span>This looks like a separate problem: {fork.title}</span>
      </p>
      <p className="mt-1 pl-6 text-sm text-slate-700">{fork.reason}</p>
      <div className="mt-2 flex flex-wrap gap-2 pl-6">
        <Button size="sm" onClick={startFork} disabled={pending}>
          {pending && <Spinner className="text-on-accent" />}
          Start a new session
        </Button>
        <Button size="sm" variant="ghost" onClick={onDismiss} disabled={pending}>
          Dismiss
        </Button>
      </div>
      {error && <ErrorCallout className="mt-2 ml-6">{error}</ErrorCallout>}
    </section>
  );
}
