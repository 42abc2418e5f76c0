"use client";

import { useId } from "react";
import { Trash2 } from "lucide-react";
import { PARAMETER_TYPES } from "@/lib/scripts/parameter-schema";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { TextInput } from "@/components/ui/text-input";
import type { ParameterDraft } from "@/components/scripts/parameters/parameter-draft";

type Props = {
  parameter: ParameterDraft;
  /** Whether the body references this parameter (an unused one is allowed, but worth a note). */
  used: boolean;
  disabled: boolean;
  onChange: (patch: Partial<ParameterDraft>) => void;
  onRemove: () => void;
};

const typeOptions = PARAMETER_TYPES.map((type) => ({ value: type, label: type === "secret" ? "secret (sensitive text)" : type }));
const fieldLabel = "block text-xs font-medium text-slate-700";

/** One proposed parameter, editable: name, label, type, default, options, required, sensitive, description. */
export function ParameterRow({ parameter, used, disabled, onChange, onRemove }: Props) {
  const id = useId();
  const sensitive = parameter.sensitive || parameter.type === "secret";
  const title = parameter.name.trim() || "new parameter";
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <fieldset disabled={disabled} className="space-y-3">
        <legend className="sr-only">Parameter {title}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={`${id}-name`} className={fieldLabel}>Name</label>
            <TextInput id={`${id}-name`} value={parameter.name} onChange={(event) => onChange({ name: event.target.value })} className="mt-1 font-mono" spellCheck={false} />
          </div>
          <div>
            <label htmlFor={`${id}-label`} className={fieldLabel}>Label</label>
            <TextInput id={`${id}-label`} value={parameter.label} onChange={(event) => onChange({ label: event.target.value })} className="mt-1" placeholder={parameter.name} />
          </div>
          <div>
            <label htmlFor={`${id}-type`} className={fieldLabel}>Type</label>
            <NativeSelect id={`${id}-type`} options={typeOptions} value={parameter.type} onChange={(event) => onChange({ type: event.target.value as ParameterDraft["type"] })} wrapperClassName="mt-1" />
          </div>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-default`} className={fieldLabel}>Default</label>
            <TextInput
              id={`${id}-default`}
              value={sensitive ? "" : parameter.defaultText}
              onChange={(event) => onChange({ defaultText: event.target.value })}
              disabled={sensitive}
              placeholder={sensitive ? "Sensitive values have no default" : parameter.type === "boolean" ? "true or false" : "None"}
              className="mt-1"
            />
          </div>
          {parameter.type === "select" && (
            <div>
              <label htmlFor={`${id}-options`} className={fieldLabel}>Options (comma-separated)</label>
              <TextInput id={`${id}-options`} value={parameter.optionsText} onChange={(event) => onChange({ optionsText: event.target.value })} className="mt-1" />
            </div>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-description`} className={fieldLabel}>Description</label>
          <TextInput id={`${id}-description`} value={parameter.description} onChange={(event) => onChange({ description: event.target.value })} className="mt-1" />
        </div>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={parameter.required} onChange={(event) => onChange({ required: event.target.checked })} className="size-4 rounded border-slate-300 accent-indigo-600" />
            Required
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={sensitive}
              disabled={parameter.type === "secret"}
              onChange={(event) => onChange({ sensitive: event.target.checked })}
              className="size-4 rounded border-slate-300 accent-indigo-600"
            />
            Sensitive (shown as ••••, never stored in the clear)
          </label>
          {!used && parameter.name.trim() && <span className="text-xs text-amber-800">The body doesn&apos;t use {`{{${parameter.name.trim()}}}`}.</span>}
          <Button variant="ghost" size="sm" onClick={onRemove} className="ml-auto text-red-700 hover:bg-red-50" aria-label={`Remove parameter ${title}`}>
            <Trash2 aria-hidden className="size-4" />
            Remove
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
