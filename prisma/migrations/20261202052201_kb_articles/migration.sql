-- CreateEnum
CREATE TYPE "KbArticleFormat" AS ENUM ('troubleshooting', 'procedural');

-- CreateEnum
CREATE TYPE "KbArticleStatus" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "kb_articles" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID,
    "author_id" UUID NOT NULL,
    "format" "KbArticleFormat" NOT NULL,
    "status" "KbArticleStatus" NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "redactions" JSONB NOT NULL DEFAULT '[]',
    "ai_generated" BOOLEAN NOT NULL,
    "fallback_reason" TEXT,
    "published_at" TIMESTAMP(3),
    "psa_external_id" TEXT,
    "psa_posted_at" TIMESTAMP(3),
    -- Full-text search over the title (A) and body (B): stemmed and ranked, so "printer" finds
    -- "Printers drop off". No GIN index: under forced row-level security PostgreSQL only uses an
    -- index for a condition whose operator is LEAKPROOF, and tsvector @@ tsquery is not, so the
    -- app's reads would never touch it. An account's articles number in the hundreds; the search
    -- reads them through the account index and matches each stored vector without re-parsing.
    "search_vector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
      setweight(to_tsvector('english', coalesce("body_markdown", '')), 'B')
    ) STORED,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "kb_articles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kb_articles_account_id_updated_at_idx" ON "kb_articles"("account_id", "updated_at");

-- CreateIndex
CREATE INDEX "kb_articles_session_id_idx" ON "kb_articles"("session_id");

-- AddForeignKey
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Row-level security, as on every tenant table
ALTER TABLE "kb_articles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kb_articles" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "kb_articles"
  USING (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()))
  WITH CHECK (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()));
