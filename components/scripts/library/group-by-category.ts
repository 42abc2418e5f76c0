import type { TemplateView } from "@/lib/scripts/templates/template-view";

export type TemplateGroup = { id: string | null; name: string; templates: TemplateView[] };

/** Templates grouped by category, categories by name, templates without one last ("Uncategorized"). */
export function groupByCategory(templates: TemplateView[]): TemplateGroup[] {
  const groups = new Map<string | null, TemplateGroup>();
  for (const template of templates) {
    const key = template.category?.id ?? null;
    const group = groups.get(key) ?? { id: key, name: template.category?.name ?? "Uncategorized", templates: [] };
    group.templates.push(template);
    groups.set(key, group);
  }
  return [...groups.values()].sort((x, y) => (x.id === null ? 1 : y.id === null ? -1 : x.name.localeCompare(y.name)));
}
