"use client";

import { useState } from "react";
import { Lightbulb, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { PilotFact } from "@/components/pilot/pilot-types";
import { FactItem } from "@/components/pilot/lane/fact-item";
import { InlineTextForm } from "@/components/pilot/lane/inline-text-form";
import { LaneSection } from "@/components/pilot/lane/lane-section";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { useFocusReturn } from "@/components/pilot/use-focus-return";
import { createFactAction } from "@/app/(app)/pilot/[id]/actions";

/** C1–C3 "What we know": the confirmed facts, with an inline "Add note". */
export function WhatWeKnow({ sessionId, facts }: { sessionId: string; facts: PilotFact[] }) {
  const [adding, setAdding] = useState(false);
  const { target: addButton, returnFocus } = useFocusReturn<HTMLButtonElement>(adding);
  const add = useActionRunner();

  function close() {
    add.setError(null);
    returnFocus();
    setAdding(false);
  }

  async function handleAdd(text: string) {
    const created = await add.run(() => createFactAction({ id: sessionId, text, source_kind: "engineer_note" }));
    if (created) close();
  }

  return (
    <LaneSection
      id="what-we-know"
      title="What we know"
      icon={Lightbulb}
      iconClassName="text-emerald-600"
      count={facts.length}
      className="border-emerald-200 bg-gradient-to-b from-emerald-50/70 to-white"
      action={
        !adding && (
          <Button ref={addButton} data-command="add-note" variant="ghost" size="sm" className="h-7 px-2 text-emerald-800 hover:bg-emerald-100" onClick={() => setAdding(true)}>
            <Plus aria-hidden className="size-3.5" />
            Add note
          </Button>
        )
      }
    >
      {facts.length === 0 && !adding && (
        <p className="mt-2 text-sm text-slate-600">
          Nothing confirmed yet. Facts appear here when FlowPilot promotes them from the chat or you record an answer; add your own
          with Add note.
        </p>
      )}
      {facts.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="Facts">
          {facts.map((fact) => (
            <FactItem key={fact.id} sessionId={sessionId} fact={fact} />
          ))}
        </ul>
      )}
      {adding && (
        <InlineTextForm
          className="mt-3"
          label="New note"
          showLabel
          placeholder="Something you confirmed, e.g. what the user sees"
          submitLabel="Save note"
          pendingLabel="Saving…"
          pending={add.pending}
          error={add.error}
          onSubmit={handleAdd}
          onCancel={close}
        />
      )}
    </LaneSection>
  );
}
