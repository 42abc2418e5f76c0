import type { Metadata } from "next";
import Link from "next/link";
import { FileCode2, SearchX } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listScriptCategories } from "@/lib/scripts/templates/categories";
import { listScriptTemplates } from "@/lib/scripts/templates/list-templates";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { LibraryFilters } from "@/components/scripts/library/library-filters";
import { ScriptsHeaderActions } from "@/components/scripts/library/scripts-header-actions";
import { TemplateLibrary } from "@/components/scripts/library/template-library";
import { libraryHref, parseLibrarySearch } from "@/app/(app)/scripts/parse-library-search";

export const metadata: Metadata = { title: "Scripts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** K2/H1: the team's script library, grouped by category, searched with the URL's `?q=&category=`. */
export default async function ScriptsPage({ searchParams }: Props) {
  const search = parseLibrarySearch(await searchParams);
  const viewer = await requireViewer("signedIn", libraryHref(search));
  const canWrite = roleAllows("engineerOrAdmin", viewer.role);
  const [templates, categories, counts] = await Promise.all([
    listScriptTemplates(viewer, { q: search.q || undefined, category_id: search.categoryId || undefined }),
    listScriptCategories(viewer),
    getSidebarCounts(viewer),
  ]);
  const filtered = Boolean(search.q || search.categoryId);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Scripts"
        description="Your team's reusable scripts: generate one with the right parameters, or turn a fix that worked into a template."
        actions={<ScriptsHeaderActions canWrite={canWrite} pendingDrafts={counts.pendingDrafts} />}
      />
      <LibraryFilters q={search.q} categoryId={search.categoryId} categories={categories.items} />
      {templates.items.length > 0 ? (
        <TemplateLibrary templates={templates.items} />
      ) : filtered ? (
        <EmptyState icon={SearchX} title="No templates match">
          Nothing in the library matches that search. <Link href="/scripts" className="font-medium text-indigo-700 hover:underline">Show every template</Link>
        </EmptyState>
      ) : (
        <EmptyState icon={FileCode2} title="No templates yet">
          {canWrite
            ? "Create one with New template, or save a fix that worked as a template after you resolve a session."
            : "When your team saves scripts as templates, they appear here."}
        </EmptyState>
      )}
      <Toaster />
    </div>
  );
}
