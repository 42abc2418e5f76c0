"use client";

import { useState } from "react";
import { Lock, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import type { PilotFact } from "@/components/pilot/pilot-types";
import { FactSourceBadge } from "@/components/pilot/lane/fact-source-badge";
import { InlineTextForm } from "@/components/pilot/lane/inline-text-form";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { useFocusReturn } from "@/components/pilot/use-focus-return";
import { deleteFactAction, updateFactAction } from "@/app/(app)/pilot/[id]/actions";

const LOCKED_REASON = {
  question: "Follows its question: to change it, delete it and record a new answer.",
  diagnostic_check: "Follows its check: to change it, delete it and record a new result.",
} as const;

/** One fact in "What we know": inline edit when the server says it is editable (C2), delete with a confirm. */
export function FactItem({ sessionId, fact }: { sessionId: string; fact: PilotFact }) {
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus } = useFocusReturn<HTMLButtonElement>(editing);
  const save = useActionRunner();
  const remove = useActionRunner();
  const lockedReason = fact.sourceKind === "question" || fact.sourceKind === "diagnostic_check" ? LOCKED_REASON[fact.sourceKind] : null;

  async function handleSave(text: string) {
    const saved = await save.run(() => updateFactAction({ id: sessionId, factId: fact.id, text }));
    if (saved) {
      returnFocus();
      setEditing(false);
    }
  }

  return (
    <li className="group rounded-lg border border-emerald-100 bg-white px-3 py-2.5" aria-busy={remove.pending || undefined}>
      {editing ? (
        <InlineTextForm
          label="Edit fact"
          initialValue={fact.text}
          submitLabel="Save"
          pendingLabel="Saving…"
          pending={save.pending}
          error={save.error}
          onSubmit={handleSave}
          onCancel={() => {
            save.setError(null);
            returnFocus();
            setEditing(false);
          }}
        />
      ) : (
        <>
          <p className="text-sm leading-snug break-words text-slate-800">{fact.text}</p>
          <div className="mt-1.5 flex flex-wrap items-center gap-2">
            <FactSourceBadge kind={fact.sourceKind} />
            <span className="ml-auto flex items-center gap-0.5">
              {remove.pending && <Spinner />}
              {fact.editable && (
                <Button ref={editButton} variant="ghost" size="sm" className="h-7 px-2" aria-label="Edit fact" onClick={() => setEditing(true)}>
                  <Pencil aria-hidden className="size-3.5" />
                </Button>
              )}
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="sm" className="h-7 px-2 text-slate-500 hover:text-red-700" aria-label="Delete fact" disabled={remove.pending}>
                    <Trash2 aria-hidden className="size-3.5" />
                  </Button>
                }
                title="Delete this fact?"
                description={`“${fact.text}” will no longer feed the resolution note or the escalation package.`}
                confirmLabel="Delete fact"
                onConfirm={() => void remove.run(() => deleteFactAction({ id: sessionId, factId: fact.id }))}
              />
            </span>
          </div>
          {lockedReason && (
            <p className="mt-1 flex items-start gap-1 text-xs text-slate-500">
              <Lock aria-hidden className="mt-0.5 size-3 shrink-0" />
              <span>
                <span className="sr-only">Not editable here. </span>
                {lockedReason}
              </span>
            </p>
          )}
          {remove.error && <ErrorCallout className="mt-2">{remove.error}</ErrorCallout>}
        </>
      )}
    </li>
  );
}
