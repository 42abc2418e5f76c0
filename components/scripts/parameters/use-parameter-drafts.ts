"use client";

import { useState } from "react";
import type { TemplateParameter } from "@/lib/scripts/parameter-schema";
import { undeclaredReferences } from "@/components/scripts/drafts/body-references";
import { blankParameterDraft, toParameterDraft, toParameterInput, type ParameterDraft } from "@/components/scripts/parameters/parameter-draft";

/**
 * The parameters a template form edits, starting from `initial`, and how they stand against
 * `body`: the names declared, and the names the body references that no parameter declares.
 */
export function useParameterDrafts(initial: readonly TemplateParameter[], body: string) {
  const [parameters, setParameters] = useState<ParameterDraft[]>(() => initial.map(toParameterDraft));

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
  /** The parameters as the accept, create and update actions take them. */
  function toParameterInputs() {
    return parameters.map(toParameterInput);
  }

  return { parameters, declared, undeclared, updateParameter, removeParameter, addParameter, toParameterInputs };
}

export type ParameterDrafts = ReturnType<typeof useParameterDrafts>;
