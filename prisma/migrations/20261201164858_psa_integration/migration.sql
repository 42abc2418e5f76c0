-- CreateEnum
CREATE TYPE "PsaPostStatus" AS ENUM ('pending', 'posted', 'failed');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "psa_member_id" TEXT,
ADD COLUMN     "psa_member_identifier" TEXT,
ADD COLUMN     "psa_member_override" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "psa_posts" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "documentation_id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "status" "PsaPostStatus" NOT NULL DEFAULT 'pending',
    "note_id" TEXT,
    "target_status_id" TEXT,
    "verified_status_id" TEXT,
    "verified_status_name" TEXT,
    "status_transition_skipped_reason" TEXT,
    "last_error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "posted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "psa_posts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "psa_posts_documentation_id_key" ON "psa_posts"("documentation_id");

-- CreateIndex
CREATE INDEX "psa_posts_session_id_created_at_idx" ON "psa_posts"("session_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_sessions_account_id_psa_ticket_id_idx" ON "ai_sessions"("account_id", "psa_ticket_id");

-- AddForeignKey
ALTER TABLE "psa_posts" ADD CONSTRAINT "psa_posts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "psa_posts" ADD CONSTRAINT "psa_posts_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "psa_posts" ADD CONSTRAINT "psa_posts_documentation_id_fkey" FOREIGN KEY ("documentation_id") REFERENCES "session_documentation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

