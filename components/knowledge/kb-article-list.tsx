import Link from "next/link";
import type { KbArticleListItem } from "@/lib/knowledge/kb-search";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { FORMAT_LABEL, KbStatusBadge } from "@/components/knowledge/kb-status-badge";

/** The articles as a list of links, each with its status, format, author and last change. */
export function KbArticleList({ items }: { items: KbArticleListItem[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="kb-article-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`/knowledge/${item.id}`} className={`flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between ${focusRing}`}>
            <span className="min-w-0 font-medium break-words text-slate-900">{item.title}</span>
            <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <KbStatusBadge status={item.status} />
              <span>{FORMAT_LABEL[item.format]}</span>
              <span>
                {item.author_name ?? "Someone"} · <RelativeTime date={new Date(item.updated_at)} />
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
