-- AlterTable
ALTER TABLE "ai_sessions" ADD COLUMN     "reopened_at" TIMESTAMP(3);

