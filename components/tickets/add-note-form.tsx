"use client";

import { useId, useState, type FormEvent } from "react";
import type { PsaNote, PsaNoteKind } from "@/lib/psa/provider";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { TextArea } from "@/components/ui/text-input";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import { noteKindLabel } from "@/components/tickets/note-kind-badge";
import { addTicketNoteAction } from "@/app/(app)/tickets/actions";

const hints: Record<PsaNoteKind, string> = {
  internal_analysis: "Members only; the customer never sees it.",
  customer_detail: "On the ticket's discussion; the customer can see it.",
  resolution: "Marks how it was resolved; the customer can see it.",
};

/** G7: adds a note of the chosen kind to the ticket; the new note is shown once ConnectWise has it. */
export function AddNoteForm({ ticketId, onAdded }: { ticketId: string; onAdded: (note: PsaNote) => void }) {
  const id = useId();
  const [kind, setKind] = useState<PsaNoteKind>("internal_analysis");
  const [text, setText] = useState("");
  const { pending, error, setError, run } = useActionRunner();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError("Write the note; it can't be empty.");
    const note = await run(() => addTicketNoteAction({ id: ticketId, kind, text }));
    if (!note) return;
    setText("");
    onAdded(note);
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Add a note" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-kind`} className="mb-1 block text-xs font-medium text-slate-600">
            Note type
          </label>
          <NativeSelect
            id={`${id}-kind`}
            value={kind}
            disabled={pending}
            onChange={(event) => setKind(event.target.value as PsaNoteKind)}
            aria-describedby={`${id}-kind-hint`}
            options={(Object.keys(noteKindLabel) as PsaNoteKind[]).map((value) => ({ value, label: noteKindLabel[value] }))}
            className="w-40"
          />
        </div>
        <p id={`${id}-kind-hint`} className="pb-2 text-xs text-slate-500">
          {hints[kind]}
        </p>
      </div>
      <label htmlFor={`${id}-text`} className="sr-only">
        Note text
      </label>
      <TextArea
        id={`${id}-text`}
        value={text}
        readOnly={pending}
        placeholder="What did you find or do?"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter posts, like the chat composer's Enter.
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={pending}>
          {pending && <Spinner className="text-on-accent" />}
          Add note
        </Button>
      </div>
    </form>
  );
}
