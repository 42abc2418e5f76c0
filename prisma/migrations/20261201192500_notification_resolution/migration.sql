-- AlterTable
ALTER TABLE "app_notifications" ADD COLUMN     "resolved_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "app_notifications_handoff_id_idx" ON "app_notifications"("handoff_id");

