import type { Tx } from "@/lib/db";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import type { TemplateParameter } from "@/lib/scripts/parameter-schema";
import { requireCategory } from "@/lib/scripts/templates/categories";
import { requireValidBody } from "@/lib/scripts/templates/declared-parameters";

export type InsertTemplateInput = {
  accountId: string;
  createdById: string | null;
  name: string;
  description: string | null;
  language: ScriptLanguage;
  body: string;
  /** Already parsed with `parametersSchemaInput` (defaults filled, secrets without defaults). */
  parameters: TemplateParameter[];
  categoryId: string | null;
  /** Provenance when the template was promoted from a resolved session (H5). */
  source: { sessionId: string | null; userId: string | null; ticketRef: string | null } | null;
};

/**
 * Writes a template and its version-1 row inside the caller's transaction (H1; used by create
 * and by H5's accept). Throws invalid (422) when the body references an undeclared parameter or
 * puts one where no quoting holds (see requireValidBody), bad_request (400) when the category is
 * not one of the account's.
 */
export async function insertScriptTemplate(tx: Tx, input: InsertTemplateInput): Promise<{ id: string; version: number }> {
  requireValidBody(input.language, input.body, input.parameters);
  await requireCategory(tx, input.accountId, input.categoryId);
  const content = {
    accountId: input.accountId,
    name: input.name,
    description: input.description,
    language: input.language,
    body: input.body,
    parametersSchema: input.parameters,
    createdById: input.createdById,
  };
  const template = await tx.scriptTemplate.create({
    data: {
      ...content,
      categoryId: input.categoryId,
      sourceSessionId: input.source?.sessionId ?? null,
      sourceUserId: input.source?.userId ?? null,
      sourceTicketRef: input.source?.ticketRef ?? null,
    },
    select: { id: true, version: true },
  });
  await tx.scriptTemplateVersion.create({ data: { ...content, templateId: template.id, version: template.version } });
  return template;
}
