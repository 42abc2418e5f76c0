"use client";

import { Badge } from "@/components/ui/badge";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { TextInput } from "@/components/ui/text-input";
import { SecretInput } from "@/components/scripts/generator/secret-input";
import { isSensitiveParameter, type TemplateParameter } from "@/lib/scripts/parameter-schema";

export type FieldValue = string | boolean;

type Props = {
  id: string;
  parameter: TemplateParameter;
  value: FieldValue;
  fromSession: boolean;
  error?: string;
  disabled: boolean;
  onChange: (value: FieldValue) => void;
};

/** One parameter of the generator form: the control its type calls for, its label, description and error. */
export function ParameterField({ id, parameter, value, fromSession, error, disabled, onChange }: Props) {
  const controlId = `${id}-${parameter.name}`;
  const describedBy = [parameter.description ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id: controlId, disabled, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, "aria-required": parameter.required || undefined };
  const text = typeof value === "string" ? value : "";

  let control;
  if (parameter.type === "boolean") {
    control = <Switch {...common} checked={value === true} onCheckedChange={(checked) => onChange(checked)} />;
  } else if (parameter.type === "select") {
    const options = (parameter.options ?? []).map((option) => ({ value: option, label: option }));
    const placeholder = { value: "", label: parameter.required ? "Choose…" : "(none)" };
    control = <NativeSelect {...common} value={text} onChange={(event) => onChange(event.target.value)} options={[placeholder, ...options]} />;
  } else if (isSensitiveParameter(parameter)) {
    control = <SecretInput {...common} value={text} numeric={parameter.type === "number"} onChange={onChange} />;
  } else {
    control = (
      <TextInput
        {...common}
        type={parameter.type === "number" ? "number" : "text"}
        inputMode={parameter.type === "number" ? "decimal" : undefined}
        step={parameter.type === "number" ? "any" : undefined}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div className={parameter.type === "boolean" ? "flex flex-wrap items-start gap-x-3 gap-y-1" : undefined}>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
          {parameter.label || parameter.name}
          {parameter.required && parameter.type !== "boolean" && (
            <span className="ml-0.5 text-red-600" aria-hidden>
              *
            </span>
          )}
          {parameter.required && parameter.type !== "boolean" && <span className="sr-only"> (required)</span>}
        </label>
        <code className="text-xs text-slate-500">{parameter.name}</code>
        {isSensitiveParameter(parameter) && <Badge tone="amber">Sensitive</Badge>}
        {fromSession && <Badge tone="blue">from session</Badge>}
      </div>
      {control}
      {parameter.description && (
        <p id={`${controlId}-hint`} className="mt-1 basis-full text-xs text-slate-500">
          {parameter.description}
        </p>
      )}
      <FieldError id={`${controlId}-error`} message={error} className="basis-full" />
    </div>
  );
}
