import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listDraftTemplates } from "@/lib/scripts/drafts/draft-queue";
import { listScriptCategories } from "@/lib/scripts/templates/categories";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { DraftQueue } from "@/components/scripts/drafts/draft-queue";
import { DraftViewToggle } from "@/components/scripts/drafts/draft-view-toggle";

export const metadata: Metadata = { title: "Draft templates" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** H5/K2: drafts from resolved sessions waiting to become team templates; `?view=all` is the audit view. */
export default async function DraftTemplatesPage({ searchParams }: Props) {
  const view = (await searchParams).view === "all" ? "all" : "pending";
  const viewer = await requireViewer("signedIn", view === "all" ? "/scripts/drafts?view=all" : "/scripts/drafts");
  const [drafts, categories] = await Promise.all([listDraftTemplates(viewer, { pending_only: view === "pending" }), listScriptCategories(viewer)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Draft templates"
        description={
          <>
            Scripts that fixed a ticket, proposed as reusable templates. Accepted drafts join the{" "}
            <Link href="/scripts" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
              team library
            </Link>
            .
          </>
        }
        actions={<DraftViewToggle view={view} pendingCount={view === "pending" ? drafts.items.length : null} />}
      />
      <DraftQueue
        key={view}
        drafts={drafts.items}
        categories={categories.items.map(({ id, name }) => ({ id, name }))}
        canEdit={roleAllows("engineerOrAdmin", viewer.role)}
        view={view}
      />
      <Toaster />
    </div>
  );
}
