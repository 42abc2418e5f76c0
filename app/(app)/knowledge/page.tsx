import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, SearchX } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listKbArticlesInput } from "@/lib/knowledge/kb-schemas";
import { listKbArticles } from "@/lib/knowledge/kb-search";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { KbArticleList } from "@/components/knowledge/kb-article-list";
import { KbSearchForm } from "@/components/knowledge/kb-search-form";

export const metadata: Metadata = { title: "Knowledge" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** L2: the account's KB articles, searched with the URL's `?q=&status=`. */
export default async function KnowledgePage({ searchParams }: Props) {
  const query = await searchParams;
  const parsed = listKbArticlesInput.safeParse({ q: first(query.q), status: first(query.status) });
  const search = parsed.success ? parsed.data : { q: undefined, status: undefined };
  const viewer = await requireViewer("signedIn", "/knowledge");
  const { items } = await listKbArticles(viewer, search);
  const filtered = Boolean(search.q || search.status);
  return (
    <div className="space-y-6">
      <PageHeader title="Knowledge" description="Articles your team wrote from resolved sessions: what the problem looked like, what caused it and the fix that worked." />
      <KbSearchForm q={search.q ?? ""} status={search.status ?? ""} />
      {items.length > 0 ? (
        <KbArticleList items={items} />
      ) : filtered ? (
        <EmptyState icon={SearchX} title="No articles match">
          Nothing in the knowledge base matches that search.{" "}
          <Link href="/knowledge" className="font-medium text-indigo-700 hover:underline">
            Show every article
          </Link>
        </EmptyState>
      ) : (
        <EmptyState icon={BookOpen} title="No articles yet">
          {roleAllows("engineerOrAdmin", viewer.role)
            ? "Open a resolved session and choose Draft KB article: FlowPilot writes it from the session's facts and fix."
            : "When your team turns resolved sessions into articles, they appear here."}
        </EmptyState>
      )}
    </div>
  );
}
