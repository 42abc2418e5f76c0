"use client";

import { useId } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { TextArea, TextInput } from "@/components/ui/text-input";
import { BodySection } from "@/components/scripts/drafts/body-section";
import { OriginalScript } from "@/components/scripts/drafts/original-script";
import { ParameterEditor } from "@/components/scripts/parameters/parameter-editor";
import type { DraftForm } from "@/components/scripts/drafts/use-draft-form";

export type CategoryOption = { id: string; name: string };

type Props = {
  form: DraftForm;
  categories: CategoryOption[];
  /** Viewers and resolved drafts: everything shown, nothing editable. */
  disabled: boolean;
  /** Leave out the description (the post-resolve dialog keeps to name, category, body and parameters). */
  compact?: boolean;
  /** The script as it ran, shown beside the templated body for comparison. */
  original?: string;
};

const fieldLabel = "block text-sm font-medium text-slate-800";

/** The editable parts of a draft on its way to the library: name, description, category, body, parameters. */
export function DraftFields({ form, categories, disabled, compact = false, original }: Props) {
  const id = useId();
  const categoryOptions = [{ value: "", label: "No category" }, ...categories.map((category) => ({ value: category.id, label: category.name }))];
  return (
    <div className="space-y-5">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className={fieldLabel}>Template name</label>
          <TextInput id={`${id}-name`} value={form.fields.name} onChange={(event) => form.setName(event.target.value)} disabled={disabled} maxLength={200} required className="mt-1" />
        </div>
        <div>
          <label htmlFor={`${id}-category`} className={fieldLabel}>Category</label>
          <NativeSelect id={`${id}-category`} options={categoryOptions} value={form.fields.categoryId} onChange={(event) => form.setCategoryId(event.target.value)} disabled={disabled} wrapperClassName="mt-1" />
        </div>
      </div>
      {!compact && (
        <div>
          <label htmlFor={`${id}-description`} className={fieldLabel}>Description</label>
          <TextArea id={`${id}-description`} value={form.fields.description} onChange={(event) => form.setDescription(event.target.value)} disabled={disabled} maxLength={2000} className="mt-1" />
        </div>
      )}
      {original === undefined ? (
        <BodySection form={form} disabled={disabled} />
      ) : (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <OriginalScript script={original} />
          <BodySection form={form} disabled={disabled} />
        </div>
      )}
      <ParameterEditor
        form={form}
        readOnly={disabled}
        headingLevel="h3"
        empty="No parameters: the template runs the script exactly as written."
      />
    </div>
  );
}
