import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import type { TemplateDetail } from "@/lib/scripts/templates/template-view";

/**
 * Archives a template (DELETE): it leaves the library list and the chat's template list, but
 * stays readable by id, versions included, so generations and notes citing it keep their
 * meaning. Archiving again keeps the first stamp. Throws not_found for another tenant's template.
 */
export async function archiveScriptTemplate(viewer: Viewer, id: string): Promise<TemplateDetail> {
  await db.scriptTemplate.updateMany({ where: { id, accountId: viewer.accountId, archivedAt: null }, data: { archivedAt: new Date() } });
  return getScriptTemplate(viewer, id);
}
