import { invalid } from "@/lib/errors";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { bash } from "@/lib/scripts/generate/dialects/bash";
import { cmd } from "@/lib/scripts/generate/dialects/cmd";
import type { Dialect } from "@/lib/scripts/generate/dialects/dialect";
import { powershell } from "@/lib/scripts/generate/dialects/powershell";
import { python } from "@/lib/scripts/generate/dialects/python";
import { parameterError, type ParameterValues, type ValueIssue } from "@/lib/scripts/generate/parameter-values";
import { isSensitiveParameter, type TemplateParameter } from "@/lib/scripts/parameter-schema";
import { REDACTED, redactValues } from "@/lib/scripts/redaction";

/*
 * H2 rendering. Each `{{name}}` becomes its value QUOTED FOR THE LANGUAGE, so a value is always a
 * literal and never code (see each dialect file for its rule). Templates should reference
 * parameters bare (`Get-Mailbox {{mailbox}}`); a placeholder already inside the template's quotes
 * is still made safe, by the rule of the string it sits in, because pasting the bare-code literal
 * there would not be (bash `"'$(…)'"` runs the command). Where no quoting holds (a here-document,
 * a backtick substitution, right after an escape character) the template is refused.
 */

export const DIALECTS: Record<ScriptLanguage, Dialect> = { powershell, bash, python, cmd };

export type RenderInput = { language: ScriptLanguage; body: string; parameters: readonly TemplateParameter[]; values: ParameterValues };
export type RenderedScript = { script: string; redactedScript: string };

/** The placeholders of `body` that no value could safely fill, with where they sit (for template editors). */
export function findUnsafePlaceholders(language: ScriptLanguage, body: string): { name: string; reason: string }[] {
  return DIALECTS[language].scan(body).flatMap((site) => (site.unsafe ? [{ name: site.name, reason: site.unsafe }] : []));
}

/**
 * Renders a template with checked values (see `validateParameterValues`). Returns the script and
 * `redactedScript`, where every sensitive value, as rendered and as given, reads `[REDACTED]`.
 * A `{{name}}` the schema doesn't declare is left as written. Throws invalid (422) when the body
 * puts a parameter where no quoting holds, and a ZodError (422, `parameters.<name>: …`) when a
 * value can't go where the template puts it (cmd metacharacters, quotes inside a raw string).
 */
export function renderScript(input: RenderInput): RenderedScript {
  const dialect = DIALECTS[input.language];
  const byName = new Map(input.parameters.map((parameter) => [parameter.name, parameter]));
  const sites = dialect.scan(input.body).filter((site) => byName.has(site.name));
  const unsafe = sites.find((site) => site.unsafe);
  if (unsafe) {
    throw invalid(`This template puts {{${unsafe.name}}} ${unsafe.unsafe}, where no quoting keeps a value from running as code. Edit the template to use it outside (assign it to a variable first).`);
  }

  let script = "";
  let redacted = "";
  let cursor = 0;
  const issues = new Map<string, ValueIssue>();
  const secrets = new Set<string>();
  for (const site of sites) {
    const parameter = byName.get(site.name)!;
    const value = input.values[site.name] ?? null;
    const placement = dialect.place(value, parameter.type, site);
    if ("refused" in placement) {
      issues.set(site.name, { name: site.name, message: `${parameter.label || parameter.name} ${placement.refused}` });
      continue;
    }
    const sensitive = isSensitiveParameter(parameter);
    const between = input.body.slice(cursor, site.start);
    script += between + placement.text;
    redacted += between + (sensitive ? REDACTED : placement.text);
    if (sensitive && (typeof value === "string" || typeof value === "number") && String(value).trim()) {
      secrets.add(String(value));
      secrets.add(placement.text);
    }
    cursor = site.end;
  }
  if (issues.size > 0) throw parameterError([...issues.values()]);
  script += input.body.slice(cursor);
  redacted += input.body.slice(cursor);
  // The marker went where each sensitive value did; scrubbing the rest catches a value the template itself repeats.
  return { script, redactedScript: redactValues(redacted, [...secrets]) };
}

/** A download name from the template's name, with the language's extension: "reset-mfa.ps1". */
export function scriptFileName(templateName: string, language: ScriptLanguage): string {
  const slug = templateName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${slug || "script"}${DIALECTS[language].extension}`;
}
