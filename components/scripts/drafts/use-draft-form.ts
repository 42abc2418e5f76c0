"use client";

import { useState } from "react";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { useParameterDrafts } from "@/components/scripts/parameters/use-parameter-drafts";

/**
 * The review form of one draft: name, description, category, body and parameters, starting from
 * the draft's proposal. Mount it with `key={draft.id}` so another draft starts afresh.
 */
export function useDraftForm(draft: DraftView) {
  const [name, setName] = useState(draft.name);
  const [description, setDescription] = useState(draft.description ?? "");
  const [categoryId, setCategoryId] = useState("");
  const [body, setBody] = useState(draft.templated_body);
  const parameters = useParameterDrafts(draft.proposed_parameters, body);

  /** What the accept action receives: every field, so what the reviewer saw is what is saved. */
  function toAcceptInput() {
    return {
      id: draft.id,
      name: name.trim(),
      description: description.trim() || null,
      category_id: categoryId || null,
      body,
      parameters: parameters.toParameterInputs(),
    };
  }

  return {
    ...parameters,
    fields: { name, description, categoryId, body },
    setName,
    setDescription,
    setCategoryId,
    setBody,
    /** Adds a parameter, named after the first undeclared reference when there is one. */
    addParameter: () => parameters.addParameter(parameters.undeclared[0] ?? ""),
    toAcceptInput,
  };
}

export type DraftForm = ReturnType<typeof useDraftForm>;
