"use client";

import { useState } from "react";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { undeclaredReferences } from "@/components/scripts/drafts/body-references";
import { blankParameterDraft, toParameterDraft, toParameterInput, type ParameterDraft } from "@/components/scripts/drafts/parameter-draft";

/** The new/edit template form's state, starting from `template` when editing. */
export function useTemplateForm(template?: TemplateView) {
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [language, setLanguage] = useState<ScriptLanguage>(template?.language ?? "powershell");
  const [categoryId, setCategoryId] = useState(template?.category?.id ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [parameters, setParameters] = useState<ParameterDraft[]>(() => (template?.parameters ?? []).map(toParameterDraft));

  const declared = parameters.map((parameter) => parameter.name.trim()).filter(Boolean);
  const undeclared = undeclaredReferences(body, declared);

  function updateParameter(key: string, patch: Partial<ParameterDraft>) {
    setParameters((current) => current.map((parameter) => (parameter.key === key ? { ...parameter, ...patch } : parameter)));
  }
  function removeParameter(key: string) {
    setParameters((current) => current.filter((parameter) => parameter.key !== key));
  }
  function addParameter(parameterName = "") {
    setParameters((current) => [...current, blankParameterDraft(parameterName)]);
  }

  /** Every field, as the create and update actions take them (the server applies the rules). */
  function toInput() {
    return {
      name: name.trim(),
      description: description.trim() || null,
      language,
      category_id: categoryId || null,
      body,
      parameters: parameters.map(toParameterInput),
    };
  }

  return {
    fields: { name, description, language, categoryId, body },
    setName,
    setDescription,
    setLanguage,
    setCategoryId,
    setBody,
    parameters,
    undeclared,
    updateParameter,
    removeParameter,
    addParameter,
    toInput,
  };
}

export type TemplateForm = ReturnType<typeof useTemplateForm>;
