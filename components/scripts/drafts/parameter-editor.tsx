"use client";

import { useId } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { splitBody } from "@/components/scripts/drafts/body-references";
import { ParameterRow } from "@/components/scripts/drafts/parameter-row";
import type { DraftForm } from "@/components/scripts/drafts/use-draft-form";

/** The proposed parameters of a draft, each editable, with add and remove; read-only when `disabled`. */
export function ParameterEditor({ form, disabled }: { form: DraftForm; disabled: boolean }) {
  const headingId = useId();
  const used = new Set(splitBody(form.fields.body).flatMap((part) => (part.parameter === null ? [] : [part.parameter])));
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Parameters <span className="font-normal text-slate-500">({form.parameters.length})</span>
        </h3>
        {!disabled && (
          <Button variant="secondary" size="sm" onClick={form.addParameter}>
            <Plus aria-hidden className="size-4" />
            Add parameter
          </Button>
        )}
      </div>
      {form.parameters.length === 0 ? (
        <p className="text-sm text-slate-600">No parameters: the template runs the script exactly as written.</p>
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
