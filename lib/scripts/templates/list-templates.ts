import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListTemplatesInput } from "@/lib/scripts/templates/schemas";
import { templateInclude, toTemplateView, type TemplateView } from "@/lib/scripts/templates/template-view";

// Prisma sends `contains` as an ILIKE pattern without escaping, so "%" or "_" would match anything.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The account's templates by name (H1). `q` matches name, description or body, ignoring case;
 * `category_id` keeps one category; archived templates are left out unless `include_archived`.
 * A team library is small, so it is one page (`next_page` is always null).
 */
export async function listScriptTemplates(viewer: Viewer, input: ListTemplatesInput = {}): Promise<{ items: TemplateView[]; next_page: null }> {
  const where: Prisma.ScriptTemplateWhereInput = { accountId: viewer.accountId };
  if (!input.include_archived) where.archivedAt = null;
  if (input.category_id) where.categoryId = input.category_id;
  if (input.q) {
    const contains = { contains: escapeLike(input.q), mode: "insensitive" } as const;
    where.OR = [{ name: contains }, { description: contains }, { body: contains }];
  }
  const rows = await db.scriptTemplate.findMany({ where, include: templateInclude, orderBy: [{ name: "asc" }, { createdAt: "asc" }] });
  return { items: rows.map(toTemplateView), next_page: null };
}
