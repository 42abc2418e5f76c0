-- AlterTable
ALTER TABLE "script_templates" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "script_generations" ADD COLUMN     "language" "ScriptLanguage",
ADD COLUMN     "sensitive_values_sealed" TEXT,
ADD COLUMN     "template_version" INTEGER;

-- CreateTable
CREATE TABLE "script_template_versions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "language" "ScriptLanguage" NOT NULL,
    "body" TEXT NOT NULL,
    "parameters_schema" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "script_template_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "script_template_versions_template_id_version_key" ON "script_template_versions"("template_id", "version");

-- AddForeignKey
ALTER TABLE "script_template_versions" ADD CONSTRAINT "script_template_versions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_template_versions" ADD CONSTRAINT "script_template_versions_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "script_templates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "script_template_versions" ADD CONSTRAINT "script_template_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

