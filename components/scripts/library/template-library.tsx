import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { Card } from "@/components/ui/card";
import { groupByCategory } from "@/components/scripts/library/group-by-category";
import { TemplateCard } from "@/components/scripts/library/template-card";

/** The library: one section per category (with its count), each listing its templates. */
export function TemplateLibrary({ templates }: { templates: TemplateView[] }) {
  return (
    <div className="space-y-6">
      {groupByCategory(templates).map((group) => {
        const headingId = `category-${group.id ?? "none"}`;
        return (
          <section key={headingId} aria-labelledby={headingId} className="space-y-2">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              {group.name} <span className="font-normal text-slate-500">({group.templates.length})</span>
            </h2>
            <Card className="overflow-hidden">
              <ul className="divide-y divide-slate-200">
                {group.templates.map((template) => (
                  <li key={template.id}>
                    <TemplateCard template={template} />
                  </li>
                ))}
              </ul>
            </Card>
          </section>
        );
      })}
    </div>
  );
}
