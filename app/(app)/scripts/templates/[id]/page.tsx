import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";
import { Toaster } from "@/components/ui/toast";
import { TemplatedBody } from "@/components/scripts/drafts/templated-body";
import { GenerationHistory } from "@/components/scripts/generator/generation-history";
import { ScriptGenerator } from "@/components/scripts/generator/script-generator";
import { ParameterTable } from "@/components/scripts/library/parameter-table";
import { TemplateHeader } from "@/components/scripts/library/template-header";
import { TemplateNotices } from "@/components/scripts/library/template-notices";
import { loadTemplatePage } from "@/app/(app)/scripts/templates/[id]/load-template-page";

export const metadata: Metadata = { title: "Script template" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const sectionHeading = "border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900 sm:px-5";

/** H1: one template — its parameters, its body with the parameters marked, its versions; generate from the current one. */
export default async function TemplatePage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer("signedIn", `/scripts/templates/${encodeURIComponent(id)}`);
  const template = await loadTemplatePage(viewer, id, query.version);
  const latest = template.versions[0]?.version ?? template.version;
  const current = template.version === latest && !template.archived_at;
  const canWrite = roleAllows("engineerOrAdmin", viewer.role);
  return (
    <div className="space-y-6">
      <TemplateHeader template={template} canEdit={canWrite && current} />
      <TemplateNotices template={template} latest={latest} />
      <Card aria-labelledby="template-parameters">
        <h2 id="template-parameters" className={sectionHeading}>
          Parameters <span className="font-normal text-slate-500">({template.parameters.length})</span>
        </h2>
        <ParameterTable parameters={template.parameters} />
      </Card>
      <Card aria-labelledby="template-body" className="p-4 sm:p-5">
        <h2 id="template-body" className="mb-3 text-sm font-semibold text-slate-900">
          Script
        </h2>
        <TemplatedBody body={template.body} declared={template.parameters.map((parameter) => parameter.name)} label={`Script body of ${template.name}`} className="max-h-[36rem]" />
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card aria-labelledby="template-generate" className="p-4 sm:p-5">
          <h2 id="template-generate" className="mb-3 text-sm font-semibold text-slate-900">
            Generate a script
          </h2>
          {!canWrite ? (
            <p className="text-sm text-slate-600">Engineers, admins and owners generate scripts from templates; you can read this one and its runs.</p>
          ) : current ? (
            <ScriptGenerator template={template} />
          ) : template.archived_at ? (
            <p className="text-sm text-slate-600">This template is archived, so it can&apos;t generate new scripts. Its earlier runs are listed here.</p>
          ) : (
            <p className="text-sm text-slate-600">Scripts are generated from the current version (version {latest}); open it to generate one.</p>
          )}
        </Card>
        <Card className="p-4 sm:p-5">
          <GenerationHistory templateId={template.id} />
        </Card>
      </div>
      <Toaster />
    </div>
  );
}
