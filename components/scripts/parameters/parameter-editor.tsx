"use client";

import { useId, type ReactNode } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { splitBody } from "@/components/scripts/drafts/body-references";
import { ParameterRow } from "@/components/scripts/parameters/parameter-row";
import type { ParameterDrafts } from "@/components/scripts/parameters/use-parameter-drafts";

type ParameterForm = Pick<ParameterDrafts, "parameters" | "undeclared" | "updateParameter" | "removeParameter" | "addParameter"> & {
  fields: { body: string };
};

type Props = {
  form: ParameterForm;
  /** While a save is pending: everything shown, the controls disabled. */
  disabled?: boolean;
  /** Viewers and decided drafts: the parameters shown, nothing to add, change or remove. */
  readOnly?: boolean;
  /** The heading's level in the page's outline. */
  headingLevel: "h2" | "h3";
  /** What shows while there are no parameters. */
  empty: ReactNode;
  /** A button for each name the body uses but no parameter declares (the draft review calls them out beside its body instead). */
  offerUndeclared?: boolean;
  /** The server's message about the parameters. */
  error?: string;
};

/** A template's parameters, each editable, with add and remove: the template form's and the draft review's. */
export function ParameterEditor({ form, disabled = false, readOnly = false, headingLevel: Heading, empty, offerUndeclared = false, error }: Props) {
  const headingId = useId();
  const errorId = useId();
  const used = new Set(splitBody(form.fields.body).flatMap((part) => (part.parameter === null ? [] : [part.parameter])));
  return (
    <section aria-labelledby={headingId} aria-describedby={error ? errorId : undefined} className="space-y-3" data-field="parameters">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading id={headingId} className="text-sm font-semibold text-slate-900">
          Parameters <span className="font-normal text-slate-500">({form.parameters.length})</span>
        </Heading>
        {!readOnly && (
          <Button variant="secondary" size="sm" onClick={() => form.addParameter()} disabled={disabled}>
            <Plus aria-hidden className="size-4" />
            Add parameter
          </Button>
        )}
      </div>
      <FieldError id={errorId} message={error} />
      {offerUndeclared && form.undeclared.length > 0 && (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>The body uses parameters nobody declared yet:</span>
          {form.undeclared.map((name) => (
            <Button key={name} variant="secondary" size="sm" onClick={() => form.addParameter(name)} disabled={disabled}>
              <Plus aria-hidden className="size-3.5" />
              <span className="font-mono">{name}</span>
            </Button>
          ))}
        </div>
      )}
      {form.parameters.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {form.parameters.map((parameter) => (
            <ParameterRow
              key={parameter.key}
              parameter={parameter}
              used={used.has(parameter.name.trim())}
              disabled={disabled || readOnly}
              onChange={(patch) => form.updateParameter(parameter.key, patch)}
              onRemove={() => form.removeParameter(parameter.key)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
