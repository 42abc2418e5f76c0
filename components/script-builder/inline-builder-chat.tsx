"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { Spinner } from "@/components/ui/spinner";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { BuilderConversation } from "@/components/script-builder/builder-conversation";
import { CurrentScriptPanel } from "@/components/script-builder/current-script-panel";
import type { BuilderSnapshot, InlineBuilderFix } from "@/components/script-builder/builder-types";
import { useBuilderChat } from "@/components/script-builder/use-builder-chat";
import { submitBuilderScriptAction } from "@/app/(app)/scripts/builder/actions";

/** Why Submit can't be pressed right now, or null when it can. */
function submitBlocker(fix: InlineBuilderFix, script: string | null, busy: boolean): string | null {
  if (!fix) return "There is no active fix to submit to yet. FlowPilot suggests one once the facts point to a cause.";
  if (!script?.trim()) {
    return fix.script ? "Ask the builder to refine the fix's drafted script, or to write a new one." : "Ask the builder for a script first.";
  }
  if (busy) return "Wait for the builder to finish writing.";
  return null;
}

/** The inline builder once it is open: compact chat, the current script, and Submit to fix. */
export function InlineBuilderChat({ session, fix }: { session: BuilderSnapshot; fix: InlineBuilderFix }) {
  const router = useRouter();
  const chat = useBuilderChat(session);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const blocker = submitBlocker(fix, chat.script, chat.busy);

  async function submit() {
    if (!fix || blocker) return;
    setStatus({ kind: "saving" });
    const result = await submitBuilderScriptAction({ id: session.id, fix_id: fix.id }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    const message = actionErrorMessage(result);
    if (message || !result?.data) {
      setStatus({ kind: "error", message: message ?? "The script was not submitted. Try again." });
      return;
    }
    setStatus({ kind: "saved", message: `Submitted to “${fix.title}”.` });
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex h-80 flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-50/40">
        <BuilderConversation compact className="flex-1" chat={chat} />
      </div>
      <CurrentScriptPanel compact title={session.title} language={session.language} script={chat.script} parameters={chat.parameters} />
      <div className="space-y-1.5">
        <Button size="sm" onClick={() => void submit()} disabled={blocker !== null || status.kind === "saving"} aria-describedby={blocker ? "inline-builder-submit-reason" : undefined}>
          {status.kind === "saving" ? <Spinner className="text-on-accent" /> : <Send aria-hidden className="size-4" />}
          Submit to fix
        </Button>
        {blocker ? (
          <p id="inline-builder-submit-reason" className="text-xs text-slate-600">
            {blocker}
          </p>
        ) : (
          fix && <p className="text-xs text-slate-600">Saves this script and its values as the draft of “{fix.title}”; nothing runs.</p>
        )}
        <InlineStatus status={status} />
      </div>
    </div>
  );
}
