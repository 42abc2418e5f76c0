import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import { insertScriptTemplate } from "@/lib/scripts/templates/insert-template";
import type { CreateTemplateInput } from "@/lib/scripts/templates/schemas";
import type { TemplateDetail } from "@/lib/scripts/templates/template-view";

export const TEMPLATE_TX_OPTIONS = { timeout: 10_000 } as const;

/**
 * Adds a template, at version 1, to the viewer's library. Throws invalid (422) when the body
 * references an undeclared parameter or puts one where no quoting holds, bad_request (400) for
 * an unknown or other tenant's category.
 */
export async function createScriptTemplate(viewer: Viewer, input: CreateTemplateInput): Promise<TemplateDetail> {
  const { id } = await db.$transaction(
    (tx) =>
      insertScriptTemplate(tx, {
        accountId: viewer.accountId,
        createdById: viewer.userId,
        name: input.name,
        description: input.description || null,
        language: input.language,
        body: input.body,
        parameters: input.parameters,
        categoryId: input.category_id,
        source: null,
      }),
    TEMPLATE_TX_OPTIONS,
  );
  return getScriptTemplate(viewer, id);
}
