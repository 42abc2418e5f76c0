import Link from "next/link";
import { BookOpen } from "lucide-react";
import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { findSessionKbArticle } from "@/lib/knowledge/kb-articles";
import { Card } from "@/components/ui/card";
import { focusRing } from "@/components/ui/focus-ring";
import { DraftKbArticleButton } from "@/components/knowledge/draft-kb-article-button";
import { KbStatusBadge } from "@/components/knowledge/kb-status-badge";

/**
 * L2 on a resolved session: the link to the article drafted from it, or for engineers and admins
 * "Draft KB article". Viewers see the link only.
 */
export async function SessionKbArticle({ viewer, sessionId }: { viewer: Viewer; sessionId: string }) {
  const article = await findSessionKbArticle(viewer, sessionId);
  const canDraft = roleAllows("engineerOrAdmin", viewer.role);
  if (!article && !canDraft) return null;
  return (
    <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" aria-label="Knowledge base">
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <BookOpen aria-hidden className="size-4 text-slate-400" />
        {article ? "This session has a knowledge-base article." : "Turn this resolution into a knowledge-base article for your team."}
      </div>
      {article ? (
        <Link href={`/knowledge/${article.id}`} className={`inline-flex items-center gap-2 rounded text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
          KB article <KbStatusBadge status={article.status} />
        </Link>
      ) : (
        <DraftKbArticleButton sessionId={sessionId} />
      )}
    </Card>
  );
}
