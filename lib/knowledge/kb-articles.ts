import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { buildDocumentBundle } from "@/lib/documents/bundle";
import { conflict, notFound } from "@/lib/errors";
import { draftKbArticle } from "@/lib/knowledge/kb-draft";
import { groundKbArticle } from "@/lib/knowledge/kb-grounding";
import { applyRedactions, parseRedactions, withKept } from "@/lib/knowledge/kb-redaction";
import type { DraftKbArticleInput, UpdateKbArticleInput } from "@/lib/knowledge/kb-schemas";
import { kbArticleSelect, toKbArticleView, type KbArticleView } from "@/lib/knowledge/kb-article-view";
import { readableSessionWhere } from "@/lib/sessions/session-access";

const NOT_RESOLVED = "Draft a KB article once the session is resolved: its fix and outcome are what the article is written from.";

/**
 * L2: drafts a KB article from a resolved session the viewer can read, in `format`, on the
 * capable model tier (deterministic fallback, E6), with customer details redacted. The model call
 * happens before anything is written. Throws not_found for a session the viewer can't read and
 * conflict for one that is not resolved.
 */
export async function createKbArticle(viewer: Viewer, input: DraftKbArticleInput): Promise<KbArticleView> {
  const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, input.id), select: { id: true, status: true } });
  if (!session) throw notFound("Session");
  if (session.status !== "resolved") throw conflict(NOT_RESOLVED);

  const { bundle } = await buildDocumentBundle(session.id);
  const { grounding, redactions } = groundKbArticle(bundle);
  const draft = await draftKbArticle(input.format, grounding, session.id);
  const article = await db.kbArticle.create({
    data: {
      accountId: viewer.accountId,
      sessionId: session.id,
      authorId: viewer.userId,
      format: input.format,
      // The model only saw placeholders; a value it still wrote (from its own knowledge) is hidden too.
      title: applyRedactions(draft.title, redactions).slice(0, 200),
      bodyMarkdown: applyRedactions(draft.body, redactions),
      redactions,
      aiGenerated: draft.aiGenerated,
      fallbackReason: draft.fallbackReason,
    },
    select: kbArticleSelect,
  });
  return toKbArticleView(article);
}

/** One article of the viewer's account. Throws not_found for another account's or a missing one. */
export async function getKbArticle(viewer: Viewer, id: string): Promise<KbArticleView> {
  const article = await db.kbArticle.findFirst({ where: { id, accountId: viewer.accountId }, select: kbArticleSelect });
  if (!article) throw notFound("Article");
  return toKbArticleView(article);
}

/**
 * Edits an article: title, body and which redacted items are kept (by placeholder). Every
 * redacted value that is not kept is hidden again in the saved text, wherever the edit put it;
 * kept ones show. Throws not_found as `getKbArticle`.
 */
export async function updateKbArticle(viewer: Viewer, input: UpdateKbArticleInput): Promise<KbArticleView> {
  const current = await db.kbArticle.findFirst({ where: { id: input.id, accountId: viewer.accountId }, select: { title: true, bodyMarkdown: true, redactions: true } });
  if (!current) throw notFound("Article");
  const stored = parseRedactions(current.redactions);
  const redactions = input.keep ? withKept(stored, input.keep) : stored;
  const article = await db.kbArticle.update({
    where: { id: input.id, accountId: viewer.accountId },
    data: {
      title: applyRedactions(input.title ?? current.title, redactions),
      bodyMarkdown: applyRedactions(input.body_markdown ?? current.bodyMarkdown, redactions),
      redactions,
    },
    select: kbArticleSelect,
  });
  return toKbArticleView(article);
}

/** Publishes a draft. Throws not_found as `getKbArticle`, conflict when it is already published. */
export async function publishKbArticle(viewer: Viewer, id: string): Promise<KbArticleView> {
  const published = await db.kbArticle.updateMany({ where: { id, accountId: viewer.accountId, status: "draft" }, data: { status: "published", publishedAt: new Date() } });
  if (published.count === 0) {
    await getKbArticle(viewer, id);
    throw conflict("This article is already published. Edits you save go live at once.");
  }
  return getKbArticle(viewer, id);
}

/** The newest article drafted from a session, for its "KB article" link, or null. The caller checked the session is readable. */
export async function findSessionKbArticle(viewer: Viewer, sessionId: string): Promise<{ id: string; status: "draft" | "published" } | null> {
  return db.kbArticle.findFirst({ where: { accountId: viewer.accountId, sessionId }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });
}
