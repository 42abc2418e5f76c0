import { z } from "zod";

/**
 * H1: one parameter of a template's schema, as ScriptTemplate.parametersSchema (and each
 * ScriptTemplateVersion) stores it. `secret` is a text value that is always sensitive; any other
 * type may be marked sensitive too. `options` lists the choices of a `select`.
 */
export const PARAMETER_TYPES = ["text", "number", "boolean", "select", "secret"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export type TemplateParameter = {
  name: string;
  label: string;
  type: ParameterType;
  required: boolean;
  default: string | number | boolean | null;
  sensitive: boolean;
  description: string | null;
  options?: string[];
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A parameter as an author (or the REST API) sends it; defaults filled, rules checked. */
export const templateParameterInput = z
  .object({
    name: z.string().regex(NAME, "Parameter names start with a letter or _ and use letters, digits and _ (64 at most)."),
    label: z.string().trim().max(200, "Keep labels under 200 characters.").optional(),
    type: z.enum(PARAMETER_TYPES, "A parameter's type is text, number, boolean, select or secret."),
    required: z.boolean().default(true),
    default: z.union([z.string(), z.number(), z.boolean()]).nullable().default(null),
    sensitive: z.boolean().default(false),
    description: z.string().trim().max(1000).nullable().default(null),
    options: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  })
  .transform((parameter): TemplateParameter => {
    const sensitive = parameter.sensitive || parameter.type === "secret";
    return {
      ...parameter,
      label: parameter.label || parameter.name,
      sensitive,
      // A default would store the secret in the template itself (E5).
      default: sensitive ? null : parameter.default,
    };
  })
  .superRefine((parameter, context) => {
    if (parameter.type === "select" && !parameter.options?.length) {
      context.addIssue({ code: "custom", message: `"${parameter.name}" is a select; give it at least one option.`, path: ["options"] });
    }
  });

/** A whole schema: at most 50 parameters with distinct names. */
export const parametersSchemaInput = z
  .array(templateParameterInput)
  .max(50, "A template takes at most 50 parameters.")
  .superRefine((parameters, context) => {
    const seen = new Set<string>();
    parameters.forEach((parameter, index) => {
      if (seen.has(parameter.name)) context.addIssue({ code: "custom", message: `Two parameters are named "${parameter.name}".`, path: [index, "name"] });
      seen.add(parameter.name);
    });
  });

/** True when a parameter's value must never be shown or stored in the clear again. */
export const isSensitiveParameter = (parameter: Pick<TemplateParameter, "type" | "sensitive">) => parameter.sensitive || parameter.type === "secret";

/** Reads a stored schema leniently (rows written before a rule existed still load). */
export function readParametersSchema(stored: unknown): TemplateParameter[] {
  const parsed = parametersSchemaInput.safeParse(stored);
  return parsed.success ? parsed.data : [];
}
