"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { History } from "lucide-react";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { LaneSection } from "@/components/pilot/lane/lane-section";
import { SeenBeforeEntry } from "@/components/pilot/seen-before-item";
import { useSeenBefore } from "@/components/pilot/seen-before-fetch";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { reuseSimilarFixAction } from "@/app/(app)/pilot/[id]/similar-actions";

type Props = {
  sessionId: string;
  /** Changes whenever the session's facts do, so the matches follow them. */
  factsKey: string;
  /** Whether the viewer may suggest a fix here ("Use this fix"). */
  canWork: boolean;
};

/** "Seen before": the top resolved sessions like this one, each with the fix that worked there. */
export function SeenBefore({ sessionId, factsKey, canWork }: Props) {
  const router = useRouter();
  const state = useSeenBefore(sessionId, factsKey);
  const action = useActionRunner();
  const [using, setUsing] = useState<string | null>(null);

  async function use(sourceSessionId: string) {
    setUsing(sourceSessionId);
    const fix = await action.run(() => reuseSimilarFixAction({ id: sessionId, source_session_id: sourceSessionId }));
    setUsing(null);
    if (fix) {
      router.refresh();
      document.getElementById("suggested-fix-heading")?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
  }

  return (
    <LaneSection id="seen-before" title="Seen before" icon={History} iconClassName="text-emerald-600" count={state.status === "ready" ? state.items.length : undefined}>
      <div aria-live="polite">
        {state.status === "loading" && (
          <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
            <Spinner /> Looking for similar resolved sessions…
          </p>
        )}
        {state.status === "error" && <ErrorCallout className="mt-2">{state.message}</ErrorCallout>}
        {state.status === "ready" && state.items.length === 0 && (
          <p className="mt-2 text-sm text-slate-600">No resolved session looks like this one yet. Matches show up here as facts come in.</p>
        )}
        {state.status === "ready" && state.items.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {state.items.map((item) => (
              <SeenBeforeEntry
                key={item.session_id}
                item={item}
                canUse={canWork}
                pending={using === item.session_id}
                disabled={using !== null}
                onUse={() => void use(item.session_id)}
              />
            ))}
          </ul>
        )}
        {action.error && <ErrorCallout className="mt-2">{action.error}</ErrorCallout>}
      </div>
    </LaneSection>
  );
}
