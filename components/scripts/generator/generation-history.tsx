"use client";

import { useCallback, useEffect, useState } from "react";
import { History } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { GenerationHistoryItem } from "@/components/scripts/generator/generation-history-item";
import { onGenerationAnnounced } from "@/components/scripts/generator/generation-events";
import { listGenerationsAction } from "@/app/(app)/scripts/generate-actions";
import type { GenerationView } from "@/lib/scripts/generate/generation-view";

type Props = { templateId?: string; sessionId?: string };

type State = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; items: GenerationView[] };

/**
 * H2: recent runs of a template, of a session, or of the account: who ran which version when,
 * with what parameters (sensitive values ••••), the REDACTED script a click away. Reloads when a
 * generator on the page records a run that belongs here.
 */
export function GenerationHistory({ templateId, sessionId }: Props) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [reloading, setReloading] = useState(false);

  const load = useCallback(async () => {
    setReloading(true);
    const response = await listGenerationsAction({ template_id: templateId, ai_session_id: sessionId }).catch(() => undefined);
    setReloading(false);
    const message = actionErrorMessage(response);
    if (message || !response?.data) setState({ kind: "error", message: message ?? "The history could not be loaded." });
    else setState({ kind: "ready", items: response.data.items });
  }, [templateId, sessionId]);

  useEffect(() => {
    // Loading on mount and on each announced run is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    return onGenerationAnnounced((run) => {
      if ((!templateId || run.templateId === templateId) && (!sessionId || run.sessionId === sessionId)) void load();
    });
  }, [load, templateId, sessionId]);

  return (
    <section aria-labelledby="generation-history-title" aria-busy={reloading} className="space-y-3">
      <div className="flex items-center gap-2">
        <h2 id="generation-history-title" className="text-sm font-semibold text-slate-900">
          Recent runs
        </h2>
        {reloading && state.kind === "ready" && <Spinner />}
      </div>
      {state.kind === "loading" && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Loading runs…
        </p>
      )}
      {state.kind === "error" && (
        <ErrorCallout>
          <p>{state.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void load()}>
            Try again
          </Button>
        </ErrorCallout>
      )}
      {state.kind === "ready" && state.items.length === 0 && (
        <EmptyState icon={History} title="No runs yet">
          Generated scripts show here, with who ran them and with which values.
        </EmptyState>
      )}
      {state.kind === "ready" && state.items.length > 0 && (
        <ul className="space-y-2">
          {state.items.map((generation) => (
            <GenerationHistoryItem key={generation.id} generation={generation} showTemplate={!templateId} />
          ))}
        </ul>
      )}
    </section>
  );
}
