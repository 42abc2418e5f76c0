import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { readParametersSchema } from "@/lib/scripts/parameter-schema";
import { requireCategory } from "@/lib/scripts/templates/categories";
import { TEMPLATE_TX_OPTIONS } from "@/lib/scripts/templates/create-template";
import { requireValidBody } from "@/lib/scripts/templates/declared-parameters";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import type { UpdateTemplatePatch } from "@/lib/scripts/templates/schemas";
import type { TemplateDetail } from "@/lib/scripts/templates/template-view";

/** Locks the template row for the transaction, so concurrent edits take versions one after another. */
async function lockTemplate(tx: Tx, accountId: string, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM script_templates WHERE id = ${id}::uuid AND account_id = ${accountId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("Template");
  return tx.scriptTemplate.findFirstOrThrow({ where: { id } });
}

/**
 * Edits a template (H1). A change to what a script would say (name, description, language, body,
 * parameters) bumps `version` and stores the new content as that version, so a generation that
 * recorded an older version keeps its meaning; moving a template to another category changes no
 * content and makes no version. Throws not_found (another tenant's template), conflict (archived),
 * invalid (422, the body would reference an undeclared parameter or put one where no quoting
 * holds), bad_request (unknown category).
 */
export async function updateScriptTemplate(viewer: Viewer, id: string, patch: UpdateTemplatePatch): Promise<TemplateDetail> {
  await db.$transaction(async (tx) => {
    const current = await lockTemplate(tx, viewer.accountId, id);
    if (current.archivedAt) throw conflict("This template is archived; archived templates are kept as they were and can't be edited.");
    const before = {
      name: current.name,
      description: current.description,
      language: current.language,
      body: current.body,
      parameters: readParametersSchema(current.parametersSchema),
    };
    const next = {
      name: patch.name ?? before.name,
      description: patch.description === undefined ? before.description : patch.description || null,
      language: patch.language ?? before.language,
      body: patch.body ?? before.body,
      parameters: patch.parameters ?? before.parameters,
    };
    requireValidBody(next.language, next.body, next.parameters);
    if (patch.category_id !== undefined) await requireCategory(tx, viewer.accountId, patch.category_id);
    const changed = JSON.stringify(next) !== JSON.stringify(before);
    const version = changed ? current.version + 1 : current.version;
    const { parameters, ...fields } = next;
    await tx.scriptTemplate.update({
      where: { id },
      data: { ...fields, parametersSchema: parameters, version, ...(patch.category_id !== undefined ? { categoryId: patch.category_id } : {}) },
    });
    if (!changed) return;
    const versionRow = (content: typeof next, number: number, createdById: string | null) => ({
      accountId: viewer.accountId,
      templateId: id,
      version: number,
      name: content.name,
      description: content.description,
      language: content.language,
      body: content.body,
      parametersSchema: content.parameters,
      createdById,
    });
    // A template written before versions existed gets its current content kept as that version first.
    const hasCurrent = await tx.scriptTemplateVersion.count({ where: { templateId: id, version: current.version } });
    if (!hasCurrent) await tx.scriptTemplateVersion.create({ data: versionRow(before, current.version, current.createdById) });
    await tx.scriptTemplateVersion.create({ data: versionRow(next, version, viewer.userId) });
  }, TEMPLATE_TX_OPTIONS);
  return getScriptTemplate(viewer, id);
}
