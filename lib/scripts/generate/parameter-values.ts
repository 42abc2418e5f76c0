import { ZodError } from "zod";
import { isSensitiveParameter, type TemplateParameter } from "@/lib/scripts/parameter-schema";

/**
 * H2: the values a run is given, checked against the template's schema. Pure (no server imports),
 * so the generator form can run the same rules before it submits. Messages name the field and
 * never repeat the value: a value may be a secret, and messages reach responses and logs.
 */

/** A checked value: numbers and booleans typed; null is an optional parameter left empty. */
export type ParameterValue = string | number | boolean | null;
export type ParameterValues = Record<string, ParameterValue>;

export const MAX_TEXT_VALUE = 4000;

export type ValueIssue = { name: string; message: string };

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** One value against its parameter: the typed value, or the message saying what is wrong. */
function checkValue(parameter: TemplateParameter, raw: unknown): { value: ParameterValue } | { message: string } {
  const label = parameter.label || parameter.name;
  if (isBlank(raw)) {
    if (parameter.default !== null && parameter.default !== undefined) return checkValue({ ...parameter, default: null }, parameter.default);
    if (parameter.type === "boolean" && !parameter.required) return { value: false };
    return parameter.required ? { message: `${label} is required.` } : { value: null };
  }
  switch (parameter.type) {
    case "number": {
      const value = typeof raw === "number" ? raw : typeof raw === "string" && NUMBER.test(raw) ? Number(raw) : Number.NaN;
      return Number.isFinite(value) ? { value } : { message: `${label} must be a number.` };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      if (raw === "true" || raw === "false") return { value: raw === "true" };
      return { message: `${label} must be true or false.` };
    }
    case "select": {
      const options = parameter.options ?? [];
      return typeof raw === "string" && options.includes(raw) ? { value: raw } : { message: `${label} must be one of: ${options.join(", ")}.` };
    }
    case "text":
    case "secret": {
      const value = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : raw;
      if (typeof value !== "string") return { message: `${label} must be text.` };
      if (value.length > MAX_TEXT_VALUE) return { message: `${label} must be ${MAX_TEXT_VALUE} characters or fewer.` };
      // No script language can carry a NUL byte inside a literal.
      if (value.includes("\u0000")) return { message: `${label} can't contain a NUL character.` };
      return { value };
    }
  }
}

/** Every problem with `values` for `parameters`, in schema order, then unknown names. */
export function parameterValueIssues(parameters: readonly TemplateParameter[], values: Record<string, unknown>): { values: ParameterValues; issues: ValueIssue[] } {
  const checked: ParameterValues = {};
  const issues: ValueIssue[] = [];
  for (const parameter of parameters) {
    const result = checkValue(parameter, values[parameter.name]);
    if ("message" in result) issues.push({ name: parameter.name, message: result.message });
    else checked[parameter.name] = result.value;
  }
  const declared = new Set(parameters.map((parameter) => parameter.name));
  for (const name of Object.keys(values)) {
    if (!declared.has(name)) issues.push({ name, message: `This template has no parameter named "${name.slice(0, 64)}".` });
  }
  return { values: checked, issues };
}

/** A 422 whose issues are `parameters.<name>: message`, as every other validation failure reads. */
export function parameterError(issues: readonly ValueIssue[]): ZodError {
  return new ZodError(issues.map((issue) => ({ code: "custom" as const, path: ["parameters", issue.name], message: issue.message })));
}

/**
 * Checks `values` against the schema (required, number parses, boolean, select in its options,
 * text and secrets strings of at most 4000 characters, no unknown names) and fills defaults.
 * Returns the typed values; throws a ZodError (422, `parameters.<name>: …`) naming each bad field.
 */
export function validateParameterValues(parameters: readonly TemplateParameter[], values: Record<string, unknown>): ParameterValues {
  const result = parameterValueIssues(parameters, values);
  if (result.issues.length > 0) throw parameterError(result.issues);
  return result.values;
}

/**
 * The sensitive values of a run as `{ name: text }` (what gets sealed). Empty values and booleans
 * are left out: scrubbing every "true" from a document would hide nothing and garble it.
 */
export function sensitiveEntries(parameters: readonly TemplateParameter[], values: ParameterValues): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (!isSensitiveParameter(parameter) || (typeof value !== "string" && typeof value !== "number")) continue;
    if (String(value).trim() !== "") entries[parameter.name] = String(value);
  }
  return entries;
}
