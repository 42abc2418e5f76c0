import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getKbArticle } from "@/lib/knowledge/kb-articles";
import { kbArticleParams } from "@/lib/knowledge/kb-schemas";
import { Toaster } from "@/components/ui/toast";
import { KbArticlePage } from "@/components/knowledge/kb-article-page";

export const metadata: Metadata = { title: "KB article" };

type Props = { params: Promise<{ id: string }> };

/** L2: one article: the editor for engineers and admins, the article itself for viewers. */
export default async function KnowledgeArticlePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer("signedIn", `/knowledge/${encodeURIComponent(id)}`);
  if (!kbArticleParams.safeParse({ id }).success) notFound();
  const article = await getKbArticle(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <KbArticlePage article={article} canEdit={roleAllows("engineerOrAdmin", viewer.role)} />
      <Toaster />
    </>
  );
}
