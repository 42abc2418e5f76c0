import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadTemplateVersion } from "@/lib/scripts/templates/template-version";
import { templateInclude, toTemplateView, type TemplateDetail, type TemplateVersionSummary } from "@/lib/scripts/templates/template-view";

/**
 * One template of the viewer's account, archived ones included (old generations and notes still
 * point at them), with its versions newest first. With `version`, name, description, language,
 * body and parameters are that version's. Throws not_found for another tenant's template or a
 * version it never had.
 */
export async function getScriptTemplate(viewer: Viewer, id: string, options: { version?: number } = {}): Promise<TemplateDetail> {
  const row = await db.scriptTemplate.findFirst({ where: { id, accountId: viewer.accountId }, include: templateInclude });
  if (!row) throw notFound("Template");
  const view = toTemplateView(row);
  const stored = await db.scriptTemplateVersion.findMany({
    where: { templateId: id, accountId: viewer.accountId },
    select: { version: true, createdAt: true, createdBy: { select: { id: true, name: true } } },
    orderBy: { version: "desc" },
  });
  const versions: TemplateVersionSummary[] = stored.map((entry) => ({ version: entry.version, created_at: entry.createdAt, created_by: entry.createdBy }));
  // A template written straight to the table (before versions existed) still lists what it is now.
  if (!versions.some((entry) => entry.version === row.version)) {
    versions.unshift({ version: row.version, created_at: row.updatedAt, created_by: null });
  }
  if (options.version === undefined || options.version === row.version) return { ...view, versions };
  const old = await loadTemplateVersion(db, viewer.accountId, id, options.version);
  return {
    ...view,
    name: old.name,
    description: old.description,
    language: old.language,
    body: old.body,
    parameters: old.parameters,
    version: old.version,
    versions,
  };
}
