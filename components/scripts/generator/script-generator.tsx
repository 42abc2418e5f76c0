"use client";

import { useId, useState, type FormEvent } from "react";
import { Archive, Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { GeneratedScript } from "@/components/scripts/generator/generated-script";
import { ParameterField, type FieldValue } from "@/components/scripts/generator/parameter-field";
import { announceGeneration } from "@/components/scripts/generator/generation-events";
import { generateScriptAction } from "@/app/(app)/scripts/generate-actions";
import type { GenerationResult } from "@/lib/scripts/generate/generation-view";
import { parameterValueIssues } from "@/lib/scripts/generate/parameter-values";
import { isSensitiveParameter, type TemplateParameter } from "@/lib/scripts/parameter-schema";
import type { TemplateView } from "@/lib/scripts/templates/template-view";

export type GeneratorPrefill = Record<string, { value: string | number | boolean; source: "session" }>;

type Props = {
  template: TemplateView;
  /** Links the run to this pilot session (bumps its state_version, adds a step). */
  sessionId?: string;
  /** Values drafted elsewhere (the fix's parameters), each tagged "from session". */
  prefill?: GeneratorPrefill;
  onGenerated?: (result: GenerationResult) => void;
};

function initialValue(parameter: TemplateParameter, prefilled: GeneratorPrefill[string] | undefined): FieldValue {
  const start = prefilled?.value ?? parameter.default;
  if (parameter.type === "boolean") return start === true || start === "true";
  return start === null || start === undefined ? "" : String(start);
}

/**
 * H2: fills a template's parameters and generates the script. Each type gets its control
 * (secrets masked with show/hide), required marks, defaults and descriptions; values drafted in
 * the session are tagged until edited. The same checks as the server run first; the server's
 * messages then show beside their fields. The real script shows once, with Copy and Download.
 */
export function ScriptGenerator({ template, sessionId, prefill, onGenerated }: Props) {
  const id = useId();
  const [values, setValues] = useState<Record<string, FieldValue>>(() =>
    Object.fromEntries(template.parameters.map((parameter) => [parameter.name, initialValue(parameter, prefill?.[parameter.name])])),
  );
  const [fromSession, setFromSession] = useState(() => new Set(Object.keys(prefill ?? {}).filter((name) => template.parameters.some((parameter) => parameter.name === name))));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<GenerationResult | null>(null);

  if (template.archived_at) {
    return (
      <p className="flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
        <Archive aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
        This template is archived, so it can&apos;t generate new scripts. Its earlier runs stay in the history below.
      </p>
    );
  }

  function change(name: string, value: FieldValue) {
    setValues((current) => ({ ...current, [name]: value }));
    setFromSession((current) => (current.has(name) ? new Set([...current].filter((entry) => entry !== name)) : current));
    setErrors((current) => {
      const next = { ...current };
      delete next[name];
      return next;
    });
  }

  function showErrors(fieldErrors: Record<string, string>) {
    setErrors(fieldErrors);
    const first = template.parameters.find((parameter) => fieldErrors[parameter.name]);
    if (first) document.getElementById(`${id}-${first.name}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const local = parameterValueIssues(template.parameters, values);
    if (local.issues.length > 0) return showErrors(Object.fromEntries(local.issues.map((issue) => [issue.name, issue.message])));

    setPending(true);
    const response = await generateScriptAction({ template_id: template.id, parameters: values, ai_session_id: sessionId ?? null }).catch(() => undefined);
    setPending(false);
    const failure = actionErrorMessage(response);
    const data = response?.data;
    if (failure || !data) return setFormError(failure ?? "The script could not be generated. Try again.");
    if (!data.ok) {
      setFormError(data.message);
      return showErrors(data.field_errors);
    }
    setErrors({});
    setResult(data.result);
    announceGeneration({ templateId: template.id, sessionId: sessionId ?? null });
    onGenerated?.(data.result);
  }

  const hasSensitive = template.parameters.some(isSensitiveParameter);
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate aria-label={`Generate ${template.name}`} className="space-y-4">
        {template.parameters.length === 0 && <p className="text-sm text-slate-600">This template takes no parameters.</p>}
        {template.parameters.map((parameter) => (
          <ParameterField
            key={parameter.name}
            id={id}
            parameter={parameter}
            value={values[parameter.name] ?? ""}
            fromSession={fromSession.has(parameter.name)}
            error={errors[parameter.name]}
            disabled={pending}
            onChange={(value) => change(parameter.name, value)}
          />
        ))}
        {formError && <ErrorCallout>{formError}</ErrorCallout>}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {sessionId && <p className="mr-auto text-xs text-slate-500">The run is added to this session&apos;s notes.</p>}
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {pending ? <Spinner className="text-on-accent" /> : <Play aria-hidden className="size-4" />}
            {pending ? "Generating…" : result ? "Generate again" : "Generate script"}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {result && <GeneratedScript script={result.script} fileName={result.file_name} templateVersion={result.generation.template_version} hasSensitive={hasSensitive} />}
      </div>
    </div>
  );
}
