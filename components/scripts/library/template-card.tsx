import Link from "next/link";
import { ChevronRight, KeyRound, Ticket } from "lucide-react";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { focusRing } from "@/components/ui/focus-ring";
import { LanguageBadge } from "@/components/scripts/library/language-badge";

/** One template in the library list: a link to its page with what tells templates apart. */
export function TemplateCard({ template }: { template: TemplateView }) {
  const sensitive = template.parameters.some((parameter) => parameter.sensitive);
  const count = template.parameters.length;
  return (
    <Link
      href={`/scripts/templates/${template.id}`}
      className={`group flex items-center gap-4 px-4 py-3.5 -outline-offset-2 hover:bg-slate-50 sm:px-5 ${focusRing}`}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-medium text-slate-900 group-hover:text-indigo-700">{template.name}</span>
          <LanguageBadge language={template.language} />
        </div>
        {template.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{template.description}</p>}
        <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
          <span>{count === 0 ? "No parameters" : `${count} ${count === 1 ? "parameter" : "parameters"}`}</span>
          {sensitive && (
            <span className="inline-flex items-center gap-1">
              <KeyRound aria-hidden className="size-3.5" />
              Takes a secret
            </span>
          )}
          {template.provenance?.ticket_ref && (
            <span className="inline-flex items-center gap-1">
              <Ticket aria-hidden className="size-3.5" />
              From {template.provenance.ticket_ref}
            </span>
          )}
          <span>Version {template.version}</span>
        </div>
      </div>
      <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400 group-hover:text-slate-600" />
    </Link>
  );
}
