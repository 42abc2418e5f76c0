"use client";

import { useId, useState } from "react";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-input";
import { TemplatedBody } from "@/components/scripts/drafts/templated-body";
import type { DraftForm } from "@/components/scripts/drafts/use-draft-form";

/**
 * The templated body with its parameters highlighted; "Edit body" opens a textarea beneath it,
 * and the highlight follows the edit. References nobody declares are called out.
 */
export function BodySection({ form, disabled }: { form: DraftForm; disabled: boolean }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 space-y-2">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">Templated body</h3>
        {!disabled && (
          <Button variant="ghost" size="sm" onClick={() => setEditing((open) => !open)} aria-expanded={editing} aria-controls={`${id}-body`}>
            <Pencil aria-hidden className="size-4" />
            {editing ? "Done editing" : "Edit body"}
          </Button>
        )}
      </div>
      <TemplatedBody body={form.fields.body} declared={form.declared} label="Templated body with parameters highlighted" />
      {editing && (
        <div>
          <label htmlFor={`${id}-body`} className="sr-only">Edit the templated body</label>
          <TextArea
            id={`${id}-body`}
            value={form.fields.body}
            onChange={(event) => form.setBody(event.target.value)}
            spellCheck={false}
            className="max-h-96 min-h-32 font-mono text-xs"
          />
          <p className="mt-1 text-xs text-slate-600">Write {"{{name}}"} where a parameter&apos;s value goes.</p>
        </div>
      )}
      {form.undeclared.length > 0 && (
        <p role="status" className="text-sm text-red-700">
          The body uses {form.undeclared.map((name) => `{{${name}}}`).join(", ")}, which no parameter declares. Add the parameter or
          take it out of the body.
        </p>
      )}
    </section>
  );
}
