"use client";

import { useState } from "react";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { undeclaredReferences } from "@/components/scripts/drafts/body-references";
import {
  blankParameterDraft,
  toParameterDraft,
  toParameterInput,
  type ParameterDraft,
} from "@/components/scripts/drafts/parameter-draft";

/**
 * The review form of one draft: name, description, category, body and parameters, starting from
 * the draft's proposal. Mount it with `key={draft.id}` so another draft starts afresh.
 */
export function useDraftForm(draft: DraftView) {
  const [name, setName] = useState(draft.name);
  const [description, setDescription] = useState(draft.description ?? "");
  const [categoryId, setCategoryId] = useState("");
  const [body, setBody] = useState(draft.templated_body);
  const [parameters, setParameters] = useState<ParameterDraft[]>(() => draft.proposed_parameters.map(toParameterDraft));

  const declared = parameters.map((parameter) => parameter.name.trim()).filter(Boolean);
  const undeclared = undeclaredReferences(body, declared);

  function updateParameter(key: string, patch: Partial<ParameterDraft>) {
    setParameters((current) => current.map((parameter) => (parameter.key === key ? { ...parameter, ...patch } : parameter)));
  }
  function removeParameter(key: string) {
    setParameters((current) => current.filter((parameter) => parameter.key !== key));
  }
  /** Adds a parameter, named after the first undeclared reference when there is one. */
  function addParameter() {
    setParameters((current) => [...current, blankParameterDraft(undeclared[0] ?? "")]);
  }

  /** What the accept action receives: every field, so what the reviewer saw is what is saved. */
  function toAcceptInput() {
    return {
      id: draft.id,
      name: name.trim(),
      description: description.trim() || null,
      category_id: categoryId || null,
      body,
      parameters: parameters.map(toParameterInput),
    };
  }

  return {
    fields: { name, description, categoryId, body },
    setName,
    setDescription,
    setCategoryId,
    setBody,
    parameters,
    declared,
    undeclared,
    updateParameter,
    removeParameter,
    addParameter,
    toAcceptInput,
  };
}

export type DraftForm = ReturnType<typeof useDraftForm>;
