import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listScriptCategories } from "@/lib/scripts/templates/categories";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { TemplateForm } from "@/components/scripts/library/template-form";
import { WriteRefused } from "@/components/scripts/library/write-refused";

export const metadata: Metadata = { title: "New script template" };

/** H1: a new template for the team library (engineers, admins and owners). */
export default async function NewTemplatePage() {
  const viewer = await requireViewer("signedIn", "/scripts/templates/new");
  const header = <PageHeader title="New template" description="A script the team can run again, with a parameter for each value that changes per run." />;
  if (!roleAllows("engineerOrAdmin", viewer.role)) {
    return (
      <div className="space-y-6">
        {header}
        <WriteRefused title="Viewers read the library" reason="Engineers, admins and owners create templates; ask one of them to add this one." backHref="/scripts" />
      </div>
    );
  }
  const categories = await listScriptCategories(viewer);
  return (
    <div className="space-y-6">
      {header}
      <TemplateForm categories={categories.items} />
      <Toaster />
    </div>
  );
}
