import type { Viewer } from "@/lib/auth/viewer";
import { db, type Db, type Tx } from "@/lib/db";
import { badRequest, conflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateCategoryInput } from "@/lib/scripts/templates/schemas";

/** A library category with how many live (not archived) templates it holds. */
export type CategoryView = { id: string; name: string; description: string | null; template_count: number; created_at: Date };

const categorySelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  _count: { select: { templates: { where: { archivedAt: null } } } },
} satisfies Prisma.ScriptCategorySelect;

type CategoryRow = Prisma.ScriptCategoryGetPayload<{ select: typeof categorySelect }>;

function toCategoryView(row: CategoryRow): CategoryView {
  return { id: row.id, name: row.name, description: row.description, template_count: row._count.templates, created_at: row.createdAt };
}

/** The account's categories by name. */
export async function listScriptCategories(viewer: Viewer): Promise<{ items: CategoryView[]; next_page: null }> {
  const rows = await db.scriptCategory.findMany({ where: { accountId: viewer.accountId }, select: categorySelect, orderBy: { name: "asc" } });
  return { items: rows.map(toCategoryView), next_page: null };
}

const duplicate = (name: string) => conflict(`A category named "${name}" already exists; pick it instead, or choose another name.`);

/**
 * Creates a category in the viewer's account. Throws conflict (409) when the account already has
 * one of that name, compared without case ("Printing" and "printing" would look like one).
 */
export async function createScriptCategory(viewer: Viewer, input: CreateCategoryInput): Promise<CategoryView> {
  const existing = await db.scriptCategory.findFirst({
    where: { accountId: viewer.accountId, name: { equals: input.name, mode: "insensitive" } },
    select: { name: true },
  });
  if (existing) throw duplicate(existing.name);
  try {
    const row = await db.scriptCategory.create({
      data: { accountId: viewer.accountId, name: input.name, description: input.description },
      select: categorySelect,
    });
    return toCategoryView(row);
  } catch (error) {
    // Two people creating the same name at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate(input.name);
    throw error;
  }
}

/** Throws bad_request (400) unless `categoryId` is null or a category of `accountId`. */
export async function requireCategory(client: Db | Tx, accountId: string, categoryId: string | null): Promise<void> {
  if (!categoryId) return;
  const found = await client.scriptCategory.findFirst({ where: { id: categoryId, accountId }, select: { id: true } });
  if (!found) throw badRequest("Unknown category. Choose one of your team's categories, or none.");
}
