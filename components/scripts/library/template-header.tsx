import Link from "next/link";
import { ArrowLeft, Pencil } from "lucide-react";
import type { TemplateDetail } from "@/lib/scripts/templates/template-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ArchiveTemplateButton } from "@/components/scripts/library/archive-template-button";
import { LanguageBadge } from "@/components/scripts/library/language-badge";
import { ProvenanceChip } from "@/components/scripts/library/provenance-chip";
import { VersionPicker } from "@/components/scripts/library/version-picker";

type Props = { template: TemplateDetail; canEdit: boolean };

/** The template page's header: what it is, where it came from, which version, and Edit / Archive for writers. */
export function TemplateHeader({ template, canEdit }: Props) {
  return (
    <header className="space-y-3">
      <Link href="/scripts" className="inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        Script library
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{template.name}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <LanguageBadge language={template.language} />
            <Badge>{template.category?.name ?? "Uncategorized"}</Badge>
            {template.archived_at && <Badge tone="amber">Archived</Badge>}
            {template.provenance && <ProvenanceChip provenance={template.provenance} />}
          </div>
        </div>
        {canEdit && (
          <div className="flex items-center gap-2">
            <Button asChild variant="secondary">
              <Link href={`/scripts/templates/${template.id}/edit`}>
                <Pencil aria-hidden className="size-4" />
                Edit
              </Link>
            </Button>
            <ArchiveTemplateButton templateId={template.id} name={template.name} />
          </div>
        )}
      </div>
      {template.description && <p className="max-w-3xl text-sm whitespace-pre-line text-slate-700">{template.description}</p>}
      <VersionPicker templateId={template.id} version={template.version} versions={template.versions} />
    </header>
  );
}
