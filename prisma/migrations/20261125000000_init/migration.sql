-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('owner', 'admin', 'engineer', 'viewer');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('active', 'parked', 'escalated', 'requesting_escalation', 'resolved');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('engineer_message', 'assistant_message', 'engineer_action', 'system_event');

-- CreateEnum
CREATE TYPE "FactSourceKind" AS ENUM ('engineer_note', 'ai_promote', 'question', 'diagnostic_check');

-- CreateEnum
CREATE TYPE "FixDecision" AS ENUM ('one_off', 'draft_template', 'build_template', 'dismissed');

-- CreateEnum
CREATE TYPE "FixStatus" AS ENUM ('proposed', 'applied_success', 'applied_failed', 'applied_partial', 'dismissed');

-- CreateEnum
CREATE TYPE "HandoffIntent" AS ENUM ('escalate', 'park');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('resolution_note', 'escalation_package');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('email', 'slack', 'teams');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed', 'dead');

-- CreateEnum
CREATE TYPE "PsaProvider" AS ENUM ('connectwise');

-- CreateEnum
CREATE TYPE "ScriptLanguage" AS ENUM ('powershell', 'bash', 'python', 'cmd');

-- CreateEnum
CREATE TYPE "DraftTemplateStatus" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "ScriptBuilderOrigin" AS ENUM ('standalone', 'pilot_inline');

-- CreateEnum
CREATE TYPE "BuilderMessageRole" AS ENUM ('user', 'assistant');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_settings" (
    "account_id" UUID NOT NULL,
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_settings_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'engineer',
    "password_hash" TEXT,
    "deleted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "ai_sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'active',
    "psa_ticket_id" TEXT,
    "psa_ticket_ref" TEXT,
    "company_name" TEXT,
    "pending_task_lane" JSONB NOT NULL DEFAULT '{}',
    "state_version" INTEGER NOT NULL DEFAULT 0,
    "forked_from_id" UUID,
    "escalation_reason" TEXT,
    "escalated_to_id" UUID,
    "escalated_at" TIMESTAMP(3),
    "escalation_package" JSONB,
    "escalation_package_markdown" TEXT,
    "escalation_package_posted_at" TIMESTAMP(3),
    "escalation_package_external_id" TEXT,
    "handler_id" UUID,
    "resolution_note_markdown" TEXT,
    "resolution_note_posted_at" TIMESTAMP(3),
    "resolution_note_external_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ai_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_session_steps" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "user_id" UUID,
    "kind" "StepKind" NOT NULL,
    "content" TEXT NOT NULL,
    "metadata" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_session_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_facts" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "source_kind" "FactSourceKind" NOT NULL,
    "source_ref" TEXT,
    "created_by_id" UUID,
    "deleted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_facts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_suggested_fixes" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "confidence" INTEGER NOT NULL,
    "template_id" UUID,
    "ai_drafted_script" TEXT,
    "ai_drafted_parameters" JSONB,
    "user_decision" "FixDecision",
    "decided_at" TIMESTAMP(3),
    "decided_by_id" UUID,
    "edited_script" TEXT,
    "status" "FixStatus" NOT NULL DEFAULT 'proposed',
    "applied_at" TIMESTAMP(3),
    "verified_at" TIMESTAMP(3),
    "partial_notes" TEXT,
    "failure_reason" TEXT,
    "ai_outcome_proposal" JSONB,
    "superseded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_suggested_fixes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_handoffs" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "intent" "HandoffIntent" NOT NULL,
    "reason" TEXT NOT NULL,
    "from_user_id" UUID NOT NULL,
    "target_user_id" UUID,
    "claimed_at" TIMESTAMP(3),
    "claimed_by_id" UUID,
    "renotified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_documentation" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "markdown" TEXT NOT NULL,
    "ai_generated" BOOLEAN NOT NULL,
    "psa_post_status" TEXT,
    "psa_detail" JSONB,
    "psa_external_id" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_documentation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_notifications" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "session_id" UUID,
    "handoff_id" UUID,
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "realtime_events" (
    "id" BIGSERIAL NOT NULL,
    "account_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realtime_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "handoff_id" UUID,
    "recipient_user_id" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "psa_connections" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "provider" "PsaProvider" NOT NULL DEFAULT 'connectwise',
    "site_url" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "public_key_encrypted" TEXT NOT NULL,
    "private_key_encrypted" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_tested_at" TIMESTAMP(3),
    "last_test_ok" BOOLEAN,
    "last_test_message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "psa_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "script_categories" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "script_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "script_templates" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "category_id" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "language" "ScriptLanguage" NOT NULL,
    "body" TEXT NOT NULL,
    "parameters_schema" JSONB NOT NULL DEFAULT '[]',
    "source_session_id" UUID,
    "source_user_id" UUID,
    "source_ticket_ref" TEXT,
    "created_by_id" UUID,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "script_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "script_generations" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "template_id" UUID,
    "session_id" UUID,
    "user_id" UUID NOT NULL,
    "rendered_script" TEXT NOT NULL,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "script_generations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_templates" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "session_id" UUID,
    "fix_id" UUID,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "language" "ScriptLanguage" NOT NULL,
    "original_script" TEXT NOT NULL,
    "templated_body" TEXT NOT NULL,
    "proposed_parameters" JSONB NOT NULL DEFAULT '[]',
    "status" "DraftTemplateStatus" NOT NULL DEFAULT 'pending',
    "promoted_template_id" UUID,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "script_builder_sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "origin" "ScriptBuilderOrigin" NOT NULL DEFAULT 'standalone',
    "ai_session_id" UUID,
    "title" TEXT NOT NULL,
    "language" "ScriptLanguage" NOT NULL,
    "current_script" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "script_builder_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "script_builder_messages" (
    "id" UUID NOT NULL,
    "builder_session_id" UUID NOT NULL,
    "role" "BuilderMessageRole" NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "script_builder_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_slug_key" ON "accounts"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_account_id_role_idx" ON "users"("account_id", "role");

-- CreateIndex
CREATE INDEX "ai_sessions_account_id_status_idx" ON "ai_sessions"("account_id", "status");

-- CreateIndex
CREATE INDEX "ai_sessions_account_id_user_id_updated_at_idx" ON "ai_sessions"("account_id", "user_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "ai_sessions_account_id_status_escalated_at_idx" ON "ai_sessions"("account_id", "status", "escalated_at" DESC);

-- CreateIndex
CREATE INDEX "ai_session_steps_session_id_created_at_idx" ON "ai_session_steps"("session_id", "created_at");

-- CreateIndex
CREATE INDEX "session_facts_session_id_deleted_at_idx" ON "session_facts"("session_id", "deleted_at");

-- CreateIndex
CREATE INDEX "session_suggested_fixes_session_id_superseded_at_idx" ON "session_suggested_fixes"("session_id", "superseded_at");

-- CreateIndex
CREATE INDEX "session_handoffs_account_id_created_at_idx" ON "session_handoffs"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "session_handoffs_account_id_claimed_at_idx" ON "session_handoffs"("account_id", "claimed_at");

-- CreateIndex
CREATE INDEX "session_handoffs_session_id_idx" ON "session_handoffs"("session_id");

-- CreateIndex
CREATE INDEX "session_documentation_session_id_kind_idx" ON "session_documentation"("session_id", "kind");

-- CreateIndex
CREATE INDEX "app_notifications_user_id_read_at_idx" ON "app_notifications"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "app_notifications_user_id_created_at_idx" ON "app_notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "realtime_events_account_id_id_idx" ON "realtime_events"("account_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_deliveries_idempotency_key_key" ON "notification_deliveries"("idempotency_key");

-- CreateIndex
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_deliveries_account_id_status_idx" ON "notification_deliveries"("account_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "psa_connections_account_id_key" ON "psa_connections"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "script_categories_account_id_name_key" ON "script_categories"("account_id", "name");

-- CreateIndex
CREATE INDEX "script_templates_account_id_category_id_idx" ON "script_templates"("account_id", "category_id");

-- CreateIndex
CREATE INDEX "script_generations_session_id_idx" ON "script_generations"("session_id");

-- CreateIndex
CREATE INDEX "draft_templates_account_id_status_idx" ON "draft_templates"("account_id", "status");

-- CreateIndex
CREATE INDEX "draft_templates_session_id_idx" ON "draft_templates"("session_id");

-- CreateIndex
CREATE INDEX "script_builder_sessions_account_id_user_id_origin_idx" ON "script_builder_sessions"("account_id", "user_id", "origin");

-- CreateIndex
CREATE INDEX "script_builder_messages_builder_session_id_created_at_idx" ON "script_builder_messages"("builder_session_id", "created_at");

-- AddForeignKey
ALTER TABLE "account_settings" ADD CONSTRAINT "account_settings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_escalated_to_id_fkey" FOREIGN KEY ("escalated_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_handler_id_fkey" FOREIGN KEY ("handler_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_sessions" ADD CONSTRAINT "ai_sessions_forked_from_id_fkey" FOREIGN KEY ("forked_from_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_session_steps" ADD CONSTRAINT "ai_session_steps_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_session_steps" ADD CONSTRAINT "ai_session_steps_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_session_steps" ADD CONSTRAINT "ai_session_steps_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_facts" ADD CONSTRAINT "session_facts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_facts" ADD CONSTRAINT "session_facts_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_facts" ADD CONSTRAINT "session_facts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_suggested_fixes" ADD CONSTRAINT "session_suggested_fixes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_suggested_fixes" ADD CONSTRAINT "session_suggested_fixes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_suggested_fixes" ADD CONSTRAINT "session_suggested_fixes_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "script_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_suggested_fixes" ADD CONSTRAINT "session_suggested_fixes_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_from_user_id_fkey" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_target_user_id_fkey" FOREIGN KEY ("target_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_documentation" ADD CONSTRAINT "session_documentation_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_documentation" ADD CONSTRAINT "session_documentation_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_documentation" ADD CONSTRAINT "session_documentation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_notifications" ADD CONSTRAINT "app_notifications_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_notifications" ADD CONSTRAINT "app_notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_notifications" ADD CONSTRAINT "app_notifications_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_notifications" ADD CONSTRAINT "app_notifications_handoff_id_fkey" FOREIGN KEY ("handoff_id") REFERENCES "session_handoffs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realtime_events" ADD CONSTRAINT "realtime_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_handoff_id_fkey" FOREIGN KEY ("handoff_id") REFERENCES "session_handoffs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_recipient_user_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "psa_connections" ADD CONSTRAINT "psa_connections_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_categories" ADD CONSTRAINT "script_categories_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_templates" ADD CONSTRAINT "script_templates_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_templates" ADD CONSTRAINT "script_templates_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "script_categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_templates" ADD CONSTRAINT "script_templates_source_session_id_fkey" FOREIGN KEY ("source_session_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_templates" ADD CONSTRAINT "script_templates_source_user_id_fkey" FOREIGN KEY ("source_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_templates" ADD CONSTRAINT "script_templates_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_generations" ADD CONSTRAINT "script_generations_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_generations" ADD CONSTRAINT "script_generations_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "script_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_generations" ADD CONSTRAINT "script_generations_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_generations" ADD CONSTRAINT "script_generations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_fix_id_fkey" FOREIGN KEY ("fix_id") REFERENCES "session_suggested_fixes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_promoted_template_id_fkey" FOREIGN KEY ("promoted_template_id") REFERENCES "script_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_builder_sessions" ADD CONSTRAINT "script_builder_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_builder_sessions" ADD CONSTRAINT "script_builder_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_builder_sessions" ADD CONSTRAINT "script_builder_sessions_ai_session_id_fkey" FOREIGN KEY ("ai_session_id") REFERENCES "ai_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_builder_messages" ADD CONSTRAINT "script_builder_messages_builder_session_id_fkey" FOREIGN KEY ("builder_session_id") REFERENCES "script_builder_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: rules Prisma's schema language cannot express.

-- D1: confidence is a percentage.
ALTER TABLE "session_suggested_fixes"
  ADD CONSTRAINT "session_suggested_fixes_confidence_range" CHECK ("confidence" BETWEEN 0 AND 100);

-- D1: at most one active (not superseded) suggested fix per session.
CREATE UNIQUE INDEX "session_suggested_fixes_one_active_per_session"
  ON "session_suggested_fixes" ("session_id") WHERE "superseded_at" IS NULL;

-- H4: one inline script builder per (user, pilot session). Standalone builders are unconstrained.
CREATE UNIQUE INDEX "script_builder_sessions_inline_per_user_session"
  ON "script_builder_sessions" ("user_id", "ai_session_id") WHERE "origin" = 'pilot_inline';

-- A pilot_inline builder always belongs to a pilot session.
ALTER TABLE "script_builder_sessions"
  ADD CONSTRAINT "script_builder_sessions_inline_has_session" CHECK ("origin" <> 'pilot_inline' OR "ai_session_id" IS NOT NULL);

ALTER TABLE "notification_deliveries"
  ADD CONSTRAINT "notification_deliveries_attempts_nonnegative" CHECK ("attempts" >= 0);

ALTER TABLE "ai_sessions"
  ADD CONSTRAINT "ai_sessions_state_version_nonnegative" CHECK ("state_version" >= 0);

-- Unread bell count reads only unread rows.
CREATE INDEX "app_notifications_unread" ON "app_notifications" ("user_id") WHERE "read_at" IS NULL;

-- Escalation queue and sidebar count: in-transit sessions only.
CREATE INDEX "ai_sessions_in_transit" ON "ai_sessions" ("account_id", "escalated_at" DESC)
  WHERE "status" IN ('escalated', 'requesting_escalation');

-- Outbox sweeper picks due rows only.
CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" ("next_attempt_at")
  WHERE "status" IN ('pending', 'failed');
