"use client";

import { useState } from "react";
import { CheckCircle2, CircleDashed } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { InlineTextForm } from "@/components/pilot/lane/inline-text-form";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { useFocusReturn } from "@/components/pilot/use-focus-return";
import { createFactAction, promoteFactAction } from "@/app/(app)/pilot/[id]/actions";

type Props = {
  sessionId: string;
  kind: "question" | "diagnostic_check";
  id: string;
  text: string;
  command?: string;
  /** A fact already points at this item. */
  recorded: boolean;
};

const WORDS = {
  question: { record: "Record answer", field: "Answer", placeholder: "What the user said" },
  diagnostic_check: { record: "Record result", field: "Result", placeholder: "What the check showed" },
} as const;

/**
 * A question or diagnostic check (B3) with "Record answer/result → promote as fact" (C3): the
 * model turns the item and the engineer's words into one fact. When it can't (503, nothing to
 * say), the engineer can keep their own words as the fact instead.
 */
export function LaneItem({ sessionId, kind, id, text, command, recorded }: Props) {
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState("");
  const { target: recordButton, returnFocus } = useFocusReturn<HTMLButtonElement>(open);
  const promote = useActionRunner();
  const words = WORDS[kind];

  function close() {
    returnFocus();
    setOpen(false);
  }

  async function handlePromote(value: string) {
    setAnswer(value);
    const input = kind === "question" ? { answer: value } : { result: value };
    const fact = await promote.run(() => promoteFactAction({ id: sessionId, source_ref: id, ...input }));
    if (fact) close();
  }

  async function keepOwnWords() {
    const fact = await promote.run(() =>
      createFactAction({ id: sessionId, text: `${text.replace(/[?.!:\s]+$/, "")}: ${answer.trim()}`, source_kind: kind, source_ref: id }),
    );
    if (fact) close();
  }

  return (
    <li className="py-2.5 first:pt-0 last:pb-0">
      <div className="flex items-start gap-2">
        {recorded ? (
          <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        ) : (
          <CircleDashed aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
        )}
        <div className="min-w-0 flex-1">
          <p className="text-sm leading-snug text-slate-800">
            {text}
            {recorded && <span className="sr-only"> (fact recorded)</span>}
          </p>
          {command && (
            <div className="mt-1.5 flex items-start gap-1 rounded-md bg-slate-900 py-1 pr-1 pl-2.5">
              {/* Focusable so a keyboard can scroll a long command sideways. */}
              <code
                tabIndex={0}
                className="min-w-0 flex-1 overflow-x-auto py-0.5 font-mono text-xs whitespace-pre text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-400"
              >
                {command}
              </code>
              <span className="shrink-0 [&_button]:text-slate-300 [&_button:hover]:bg-slate-700 [&_button:hover]:text-white">
                <CopyButton text={command} label="Copy" />
              </span>
            </div>
          )}
          {open ? (
            <InlineTextForm
              className="mt-2"
              label={words.field}
              showLabel
              initialValue={answer}
              placeholder={words.placeholder}
              submitLabel="Promote as fact"
              pendingLabel="Writing the fact…"
              pending={promote.pending}
              error={promote.error}
              errorAction={
                answer.trim() && (
                  <Button size="sm" variant="secondary" onClick={keepOwnWords} disabled={promote.pending}>
                    Save my words as the fact
                  </Button>
                )
              }
              onSubmit={handlePromote}
              onCancel={() => {
                promote.setError(null);
                close();
              }}
            />
          ) : (
            <Button ref={recordButton} variant="ghost" size="sm" className="mt-1 -ml-2 h-7 px-2 text-indigo-700" onClick={() => setOpen(true)}>
              {recorded ? `${words.record} again` : words.record}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
