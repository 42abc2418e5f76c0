import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { REDACTED, redactParameters } from "@/lib/scripts/redaction";

/** How every view shows a sensitive value (H2). */
export const MASKED = "••••";

/** One run as every later view sees it: the script in its REDACTED form, sensitive values as ••••. */
export type GenerationView = {
  id: string;
  template_id: string | null;
  template_version: number | null;
  template_name: string | null;
  language: ScriptLanguage | null;
  rendered_script: string;
  parameters: Record<string, unknown>;
  ai_session_id: string | null;
  created_by: { id: string; name: string };
  created_at: Date;
};

/** What the generate response adds: the real script (only ever in that response) and its download name. */
export type GenerationResult = { generation: GenerationView; script: string; file_name: string };

/** What `toGenerationView` reads; never the sealed values. */
export const generationSelect = {
  id: true,
  templateId: true,
  templateVersion: true,
  language: true,
  renderedScript: true,
  parameters: true,
  sessionId: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
  template: { select: { name: true, language: true, parametersSchema: true } },
} satisfies Prisma.ScriptGenerationSelect;

export type GenerationRow = Prisma.ScriptGenerationGetPayload<{ select: typeof generationSelect }>;

/**
 * Stored parameters already carry the marker for sensitive values; the template's current schema
 * (and the name heuristics of `redactParameters`) mask anything marked sensitive since, too.
 */
function maskedParameters(row: GenerationRow): Record<string, unknown> {
  const redacted = redactParameters(row.template?.parametersSchema, row.parameters);
  return Object.fromEntries(Object.entries(redacted).map(([name, value]) => [name, value === REDACTED ? MASKED : value]));
}

export function toGenerationView(row: GenerationRow): GenerationView {
  return {
    id: row.id,
    template_id: row.templateId,
    template_version: row.templateVersion,
    template_name: row.template?.name ?? null,
    language: row.language ?? row.template?.language ?? null,
    rendered_script: row.renderedScript,
    parameters: maskedParameters(row),
    ai_session_id: row.sessionId,
    created_by: row.user,
    created_at: row.createdAt,
  };
}
