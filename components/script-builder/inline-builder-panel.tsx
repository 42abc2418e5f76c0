"use client";

import { useEffect, useState } from "react";
import { RotateCcw } from "lucide-react";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import type { BuilderSnapshot, InlineBuilderFix } from "@/components/script-builder/builder-types";
import { InlineBuilderChat } from "@/components/script-builder/inline-builder-chat";
import { openInlineBuilderAction } from "@/app/(app)/scripts/builder/actions";

type Load = { state: "loading" } | { state: "ready"; session: BuilderSnapshot } | { state: "failed"; message: string };

/** The server's get-or-create, as the state the panel shows. */
async function openBuilder(sessionId: string): Promise<Load> {
  const result = await openInlineBuilderAction({ id: sessionId }).catch((error: unknown) => {
    console.error(error);
    return undefined;
  });
  const message = actionErrorMessage(result);
  if (message || !result?.data) return { state: "failed", message: message ?? "The script builder did not open. Try again." };
  return { state: "ready", session: result.data };
}

/**
 * K1/H4: the pilot page's script builder tab. Gets (or creates) the engineer's inline builder for
 * this session on mount, then a compact chat, the current script and "Submit to fix", which puts
 * the script and its parameters on the active fix (D6) and refreshes the page so the fix card
 * shows it.
 */
export function InlineBuilderPanel({ sessionId, fix }: { sessionId: string; fix: InlineBuilderFix }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void openBuilder(sessionId).then((outcome) => {
      if (current) setLoad(outcome);
    });
    return () => {
      current = false;
    };
  }, [sessionId, attempt]);

  if (load.state === "loading") {
    return (
      <p role="status" className="flex items-center gap-2 p-4 text-sm text-slate-600">
        <Spinner /> Opening the script builder…
      </p>
    );
  }
  if (load.state === "failed") {
    return (
      <div className="space-y-3 p-4">
        <ErrorCallout>{load.message}</ErrorCallout>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setLoad({ state: "loading" });
            setAttempt((count) => count + 1);
          }}
        >
          <RotateCcw aria-hidden className="size-4" />
          Try again
        </Button>
      </div>
    );
  }
  // Keyed by session: another pilot session's panel starts from its own builder.
  return <InlineBuilderChat key={load.session.id} session={load.session} fix={fix} />;
}
