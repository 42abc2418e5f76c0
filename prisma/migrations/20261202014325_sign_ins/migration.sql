-- CreateTable
CREATE TABLE "sign_ins" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_ins_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_ins_user_id_idx" ON "sign_ins"("user_id");

-- AddForeignKey
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as on every tenant table
ALTER TABLE "sign_ins" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sign_ins" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "sign_ins"
  USING (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()))
  WITH CHECK (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()));
