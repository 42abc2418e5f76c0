"use client";

import { useState } from "react";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { useParameterDrafts } from "@/components/scripts/parameters/use-parameter-drafts";

/** The new/edit template form's state, starting from `template` when editing. */
export function useTemplateForm(template?: TemplateView) {
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [language, setLanguage] = useState<ScriptLanguage>(template?.language ?? "powershell");
  const [categoryId, setCategoryId] = useState(template?.category?.id ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const parameters = useParameterDrafts(template?.parameters ?? [], body);

  /** Every field, as the create and update actions take them (the server applies the rules). */
  function toInput() {
    return {
      name: name.trim(),
      description: description.trim() || null,
      language,
      category_id: categoryId || null,
      body,
      parameters: parameters.toParameterInputs(),
    };
  }

  return {
    ...parameters,
    fields: { name, description, language, categoryId, body },
    setName,
    setDescription,
    setLanguage,
    setCategoryId,
    setBody,
    toInput,
  };
}

export type TemplateForm = ReturnType<typeof useTemplateForm>;
