import type { KbArticleFormat, KbArticleStatus } from "@/lib/generated/prisma/enums";
import { parseRedactions, type Redaction } from "@/lib/knowledge/kb-redaction";

/** What every read of one article selects. */
export const kbArticleSelect = {
  id: true,
  sessionId: true,
  format: true,
  status: true,
  title: true,
  bodyMarkdown: true,
  redactions: true,
  aiGenerated: true,
  fallbackReason: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  sessionId: string | null;
  format: KbArticleFormat;
  status: KbArticleStatus;
  title: string;
  bodyMarkdown: string;
  redactions: unknown;
  aiGenerated: boolean;
  fallbackReason: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string | null };
};

/** An article as the API returns it. */
export type KbArticleView = {
  id: string;
  session_id: string | null;
  format: KbArticleFormat;
  status: KbArticleStatus;
  title: string;
  body_markdown: string;
  redactions: Redaction[];
  ai_generated: boolean;
  fallback_reason: string | null;
  author: { id: string; name: string | null };
  published_at: string | null;
  created_at: string;
  updated_at: string;
};

export function toKbArticleView(row: Row): KbArticleView {
  return {
    id: row.id,
    session_id: row.sessionId,
    format: row.format,
    status: row.status,
    title: row.title,
    body_markdown: row.bodyMarkdown,
    redactions: parseRedactions(row.redactions),
    ai_generated: row.aiGenerated,
    fallback_reason: row.fallbackReason,
    author: row.author,
    published_at: row.publishedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
