import { z } from "zod";
import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { TEMPLATE_EXTRACTION_PROMPT, templateExtractionMessage } from "@/lib/ai/prompts/template-extraction";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";

const parameterSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
  label: z.string().trim().max(200).nullish(),
  type: z.enum(["text", "number", "boolean"]).catch("text"),
  required: z.boolean().nullish(),
  default: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  sensitive: z.boolean().nullish(),
  description: z.string().trim().max(1000).nullish(),
});
const extractionReply = z.object({ templated_body: z.string(), parameters: z.array(parameterSchema).max(50) });

/** One entry of a template's parameter schema (H1), as ScriptTemplate.parametersSchema stores it. */
export type TemplateParameter = {
  name: string;
  label: string;
  type: "text" | "number" | "boolean";
  required: boolean;
  default: string | number | boolean | null;
  sensitive: boolean;
  description: string | null;
};

export type ExtractedTemplate = { templated_body: string; parameters: TemplateParameter[] };

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The parameter names a templated body references with `{{name}}`, in order of first use. */
export function referencedParameters(body: string): string[] {
  return [...new Set([...body.matchAll(REFERENCE)].map((match) => match[1]!))];
}

/**
 * Checks a model's draft (H3): the templated body must reference only declared parameters, else
 * null. Declared parameters the body never uses are dropped; a draft that ends up with none keeps
 * the original script verbatim. Sensitive parameters never carry a default (E5).
 */
export function validateExtraction(script: string, draft: z.infer<typeof extractionReply>): ExtractedTemplate | null {
  const body = draft.templated_body;
  if (!body.trim()) return null;
  const declared = new Map(draft.parameters.map((parameter) => [parameter.name, parameter]));
  const used = referencedParameters(body);
  if (used.some((name) => !declared.has(name))) return null;
  if (used.length === 0) return { templated_body: script, parameters: [] };
  const parameters = used.map((name): TemplateParameter => {
    const parameter = declared.get(name)!;
    const sensitive = parameter.sensitive ?? false;
    return {
      name,
      label: parameter.label || name,
      type: parameter.type,
      required: parameter.required ?? true,
      default: sensitive ? null : (parameter.default ?? null),
      sensitive,
      description: parameter.description ?? null,
    };
  });
  return { templated_body: body, parameters };
}

/**
 * H3: drafts a template from a concrete script with the capable model, conservatively. Never
 * throws: without a model, on a model failure or malformed answer, or when the draft references
 * an undeclared parameter, it returns the original script with no parameters.
 */
export async function extractTemplate(script: string, language: ScriptLanguage): Promise<ExtractedTemplate> {
  const fallback: ExtractedTemplate = { templated_body: script, parameters: [] };
  const provider = getAiProvider();
  if (!provider) return fallback;
  try {
    const draft = await provider.generateJson({
      tier: "capable",
      purpose: "template_extraction",
      system: [{ text: TEMPLATE_EXTRACTION_PROMPT, cache: true }],
      messages: [{ role: "user", content: templateExtractionMessage(script, language) }],
      maxTokens: 8000,
      schema: extractionReply,
    });
    const extracted = validateExtraction(script, draft);
    if (!extracted) {
      console.warn(JSON.stringify({ event: "template_extraction.fallback", reason: "empty body or an undeclared {{parameter}}" }));
    }
    return extracted ?? fallback;
  } catch (error) {
    console.warn(
      JSON.stringify({ event: "template_extraction.fallback", reason: error instanceof Error ? error.message : String(error) }),
    );
    return fallback;
  }
}
