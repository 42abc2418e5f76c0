import { invalid } from "@/lib/errors";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { findUnsafePlaceholders } from "@/lib/scripts/generate/render-script";
import type { TemplateParameter } from "@/lib/scripts/parameter-schema";
import { referencedParameters } from "@/lib/scripts/template-extraction";

/**
 * H1/H3: a body may only reference declared parameters, or rendering it would leave a `{{name}}`
 * in the script. Throws invalid (422) naming the first undeclared one. Declared parameters the
 * body doesn't use are allowed (an author may add the reference later).
 */
export function requireDeclaredParameters(body: string, parameters: readonly Pick<TemplateParameter, "name">[]): void {
  const declared = new Set(parameters.map((parameter) => parameter.name));
  const undeclared = referencedParameters(body).find((name) => !declared.has(name));
  if (undeclared !== undefined) {
    throw invalid(`The body uses {{${undeclared}}}, but no parameter is named "${undeclared}". Declare it or take it out of the body.`);
  }
}

/**
 * What a template body must meet to be saved: only declared parameters, each in a place where
 * rendering can keep its value a literal (H2 refuses a here-document or a backtick substitution,
 * so the author hears it now rather than at the first run). Throws invalid (422) naming the parameter.
 */
export function requireValidBody(language: ScriptLanguage, body: string, parameters: readonly Pick<TemplateParameter, "name">[]): void {
  requireDeclaredParameters(body, parameters);
  const unsafe = findUnsafePlaceholders(language, body)[0];
  if (unsafe) {
    throw invalid(`{{${unsafe.name}}} sits ${unsafe.reason}, where no quoting keeps a value from running as code. Move it to a plain argument or variable.`);
  }
}
