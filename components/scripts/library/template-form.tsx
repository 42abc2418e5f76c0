"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { SCRIPT_LANGUAGES } from "@/lib/scripts/templates/schemas";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { TextArea, TextInput } from "@/components/ui/text-input";
import { showToast } from "@/components/ui/toast";
import { TemplatedBody } from "@/components/scripts/drafts/templated-body";
import { languageLabels } from "@/components/scripts/library/language-badge";
import { NewCategoryDialog } from "@/components/scripts/library/new-category-dialog";
import { useTemplateForm } from "@/components/scripts/library/use-template-form";
import { ParameterEditor } from "@/components/scripts/parameters/parameter-editor";
import { createTemplateAction, updateTemplateAction } from "@/app/(app)/scripts/actions";

type Field = "name" | "description" | "language" | "category_id" | "body" | "parameters";
type Props = { template?: TemplateView; categories: { id: string; name: string }[] };

const FIELDS: Field[] = ["name", "language", "category_id", "description", "body", "parameters"];
const label = "block text-sm font-medium text-slate-700";
const languageOptions = SCRIPT_LANGUAGES.map((language) => ({ value: language, label: languageLabels[language] }));

/** H1: a new template, or an edit of one (which becomes a new version). The server validates; its messages show beside the fields. */
export function TemplateForm({ template, categories: initialCategories }: Props) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useTemplateForm(template);
  const [categories, setCategories] = useState(initialCategories);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const cancelHref = template ? `/scripts/templates/${template.id}` : "/scripts";
  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    const input = form.toInput();
    const call = template ? updateTemplateAction({ id: template.id, ...input }) : createTemplateAction(input);
    const result = await call.catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    if (result?.data) {
      const { id: savedId, version } = result.data;
      const changed = !template || version !== template.version;
      showToast({ tone: "success", title: template ? (changed ? `Saved as version ${version}` : "Saved") : "Template created" });
      router.push(`/scripts/templates/${savedId}`);
      return;
    }
    setPending(false);
    const next = formErrorsOf<Field>(result);
    setErrors(next);
    const first = FIELDS.find((field) => next[field]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
    (target?.matches("input, select, textarea") ? target : target?.querySelector<HTMLElement>("input, select, textarea, button"))?.focus();
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="space-y-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-name`} className={label}>Name</label>
          <TextInput id={`${id}-name`} data-field="name" value={form.fields.name} onChange={(event) => form.setName(event.target.value)} maxLength={200} disabled={pending} className="mt-1" aria-invalid={Boolean(errors.name)} aria-describedby={describedBy("name")} />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-language`} className={label}>Language</label>
          <NativeSelect id={`${id}-language`} data-field="language" options={languageOptions} value={form.fields.language} onChange={(event) => form.setLanguage(event.target.value as ScriptLanguage)} disabled={pending} wrapperClassName="mt-1" aria-describedby={describedBy("language")} />
          <FieldError id={`${id}-language-error`} message={errors.language} />
        </div>
        <div>
          <div className="flex items-center justify-between gap-2">
            <label htmlFor={`${id}-category`} className={label}>Category</label>
            <NewCategoryDialog
              disabled={pending}
              onCreated={(category) => {
                setCategories((current) => [...current, category].sort((x, y) => x.name.localeCompare(y.name)));
                form.setCategoryId(category.id);
              }}
            />
          </div>
          <NativeSelect
            id={`${id}-category`}
            data-field="category_id"
            options={[{ value: "", label: "No category" }, ...categories.map((category) => ({ value: category.id, label: category.name }))]}
            value={form.fields.categoryId}
            onChange={(event) => form.setCategoryId(event.target.value)}
            disabled={pending}
            aria-invalid={Boolean(errors.category_id)}
            aria-describedby={describedBy("category_id")}
          />
          <FieldError id={`${id}-category_id-error`} message={errors.category_id} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-description`} className={label}>
          Description <span className="font-normal text-slate-500">(what it fixes, and when to use it)</span>
        </label>
        <TextArea id={`${id}-description`} data-field="description" value={form.fields.description} onChange={(event) => form.setDescription(event.target.value)} maxLength={2000} disabled={pending} className="mt-1" aria-describedby={describedBy("description")} />
        <FieldError id={`${id}-description-error`} message={errors.description} />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={`${id}-body`} className={label}>
            Script <span className="font-normal text-slate-500">(write {"{{name}}"} where a parameter goes)</span>
          </label>
          <TextArea id={`${id}-body`} data-field="body" value={form.fields.body} onChange={(event) => form.setBody(event.target.value)} disabled={pending} spellCheck={false} className="mt-1 max-h-[32rem] min-h-64 font-mono text-xs" aria-invalid={Boolean(errors.body)} aria-describedby={describedBy("body")} />
          <FieldError id={`${id}-body-error`} message={errors.body} />
        </div>
        <div>
          <p className={label} id={`${id}-preview`}>Preview</p>
          <TemplatedBody body={form.fields.body || " "} declared={form.parameters.map((parameter) => parameter.name.trim())} label="Preview of the script with its parameters marked" className="mt-1 max-h-[32rem] min-h-64" />
        </div>
      </div>
      <ParameterEditor
        form={form}
        disabled={pending}
        headingLevel="h2"
        offerUndeclared
        error={errors.parameters}
        empty={
          <>
            No parameters: the script runs exactly as written. Write <code className="font-mono">{"{{name}}"}</code> in the body where a value changes per run.
          </>
        }
      />
      {errors.form && <ErrorCallout>{errors.form}</ErrorCallout>}
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-4">
        {template && (
          <p className="mr-auto text-sm text-slate-600">
            A change to the content is saved as version {template.version + 1}; earlier versions stay readable.
          </p>
        )}
        <Button asChild variant="secondary">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner className="text-on-accent" />}
          {template ? "Save changes" : "Create template"}
        </Button>
      </div>
    </form>
  );
}
