import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listScriptCategories } from "@/lib/scripts/templates/categories";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { TemplateForm } from "@/components/scripts/library/template-form";
import { WriteRefused } from "@/components/scripts/library/write-refused";
import { loadTemplatePage } from "@/app/(app)/scripts/templates/[id]/load-template-page";

export const metadata: Metadata = { title: "Edit script template" };

type Props = { params: Promise<{ id: string }> };

/** H1: edits the current version of a template; saving a change of content makes the next version. */
export default async function EditTemplatePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer("signedIn", `/scripts/templates/${encodeURIComponent(id)}/edit`);
  const template = await loadTemplatePage(viewer, id);
  const back = `/scripts/templates/${template.id}`;
  const header = <PageHeader title={`Edit ${template.name}`} description={`Version ${template.version}. Runs of earlier versions keep what they rendered.`} />;
  const refusal = !roleAllows("engineerOrAdmin", viewer.role)
    ? { title: "Viewers read the library", reason: "Engineers, admins and owners edit templates." }
    : template.archived_at
      ? { title: "This template is archived", reason: "Archived templates are kept as they were, so they can't be edited." }
      : null;
  if (refusal) {
    return (
      <div className="space-y-6">
        {header}
        <WriteRefused {...refusal} backHref={back} />
      </div>
    );
  }
  const categories = await listScriptCategories(viewer);
  return (
    <div className="space-y-6">
      {header}
      <TemplateForm template={template} categories={categories.items} />
      <Toaster />
    </div>
  );
}
