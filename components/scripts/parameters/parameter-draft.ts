import type { ParameterType, TemplateParameter } from "@/lib/scripts/parameter-schema";

/** One parameter as its editor holds it: every field as typed, converted only on submit. */
export type ParameterDraft = {
  key: string;
  name: string;
  label: string;
  type: ParameterType;
  required: boolean;
  sensitive: boolean;
  description: string;
  defaultText: string;
  optionsText: string;
};

let nextKey = 0;
const newKey = () => `parameter-${(nextKey += 1)}`;

export function toParameterDraft(parameter: TemplateParameter): ParameterDraft {
  return {
    key: newKey(),
    name: parameter.name,
    label: parameter.label,
    type: parameter.type,
    required: parameter.required,
    sensitive: parameter.sensitive,
    description: parameter.description ?? "",
    defaultText: parameter.default === null ? "" : String(parameter.default),
    optionsText: (parameter.options ?? []).join(", "),
  };
}

export function blankParameterDraft(name = ""): ParameterDraft {
  return { key: newKey(), name, label: "", type: "text", required: true, sensitive: false, description: "", defaultText: "", optionsText: "" };
}

/** The default as its type reads it; text the type can't read goes as typed, for the server to refuse. */
function defaultOf(draft: ParameterDraft): string | number | boolean | null {
  const text = draft.defaultText.trim();
  if (!text || draft.sensitive || draft.type === "secret") return null;
  if (draft.type === "number" && Number.isFinite(Number(text))) return Number(text);
  if (draft.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return draft.defaultText;
}

/** The parameter as the accept action takes it (the server applies the schema's rules). */
export function toParameterInput(draft: ParameterDraft) {
  const options = draft.optionsText.split(",").map((option) => option.trim()).filter(Boolean);
  return {
    name: draft.name.trim(),
    label: draft.label.trim() || undefined,
    type: draft.type,
    required: draft.required,
    sensitive: draft.sensitive || draft.type === "secret",
    description: draft.description.trim() || null,
    default: defaultOf(draft),
    ...(draft.type === "select" ? { options } : {}),
  };
}
