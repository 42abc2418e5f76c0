import type { Db, Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { readParametersSchema, type TemplateParameter } from "@/lib/scripts/parameter-schema";

/** What a template said at one version: what a generation renders and records (H1/H2). */
export type StoredTemplateVersion = {
  templateId: string;
  version: number;
  name: string;
  description: string | null;
  language: ScriptLanguage;
  body: string;
  parameters: TemplateParameter[];
  /** The template's own archive stamp (archived templates stay readable). */
  archivedAt: Date | null;
};

const contentSelect = { name: true, description: true, language: true, body: true, parametersSchema: true } as const;

/**
 * The template's content at `version`, or its current content when `version` is omitted (or is
 * the current one, which the template row itself holds, so templates written before versions
 * existed still load). Throws not_found for a template outside `accountId` or a version it never had.
 */
export async function loadTemplateVersion(client: Db | Tx, accountId: string, templateId: string, version?: number): Promise<StoredTemplateVersion> {
  const template = await client.scriptTemplate.findFirst({
    where: { id: templateId, accountId },
    select: { id: true, version: true, archivedAt: true, ...contentSelect },
  });
  if (!template) throw notFound("Template");
  const wanted = version ?? template.version;
  const content =
    wanted === template.version
      ? template
      : await client.scriptTemplateVersion.findFirst({ where: { templateId, accountId, version: wanted }, select: contentSelect });
  if (!content) throw notFound(`Version ${wanted} of this template`);
  return {
    templateId,
    version: wanted,
    name: content.name,
    description: content.description,
    language: content.language,
    body: content.body,
    parameters: readParametersSchema(content.parametersSchema),
    archivedAt: template.archivedAt,
  };
}
