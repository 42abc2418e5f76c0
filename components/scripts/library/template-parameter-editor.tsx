"use client";

import { useId } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { splitBody } from "@/components/scripts/drafts/body-references";
import { ParameterRow } from "@/components/scripts/drafts/parameter-row";
import type { TemplateForm } from "@/components/scripts/library/use-template-form";

type Props = { form: TemplateForm; disabled: boolean; error?: string };

/** The template's parameters, each editable, with add and remove; offers to declare what the body uses but lacks. */
export function TemplateParameterEditor({ form, disabled, error }: Props) {
  const headingId = useId();
  const errorId = useId();
  const used = new Set(splitBody(form.fields.body).flatMap((part) => (part.parameter === null ? [] : [part.parameter])));
  return (
    <section aria-labelledby={headingId} aria-describedby={error ? errorId : undefined} className="space-y-3" data-field="parameters">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Parameters <span className="font-normal text-slate-500">({form.parameters.length})</span>
        </h2>
        <Button variant="secondary" size="sm" onClick={() => form.addParameter()} disabled={disabled}>
          <Plus aria-hidden className="size-4" />
          Add parameter
        </Button>
      </div>
      <FieldError id={errorId} message={error} />
      {form.undeclared.length > 0 && (
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
        <p className="text-sm text-slate-600">
          No parameters: the script runs exactly as written. Write <code className="font-mono">{"{{name}}"}</code> in the body where a value changes per run.
        </p>
      ) : (
        <ul className="space-y-3">
          {form.parameters.map((parameter) => (
            <ParameterRow
              key={parameter.key}
              parameter={parameter}
              used={used.has(parameter.name.trim())}
              disabled={disabled}
              onChange={(patch) => form.updateParameter(parameter.key, patch)}
              onRemove={() => form.removeParameter(parameter.key)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
