-- SPEC A6, the second wall: PostgreSQL row-level security under the app's own account filters.
-- The app's connections act as flowpilot_app, which owns nothing, so every policy applies to it.
-- A connection sees the rows of the account in app.account_id, or every row while app.system
-- names a system context (the outbox sweeper, re-notify, sign-in lookup, the seed). Neither set
-- means no rows at all.

-- Builder messages get their own account column so the policy needs no join.
ALTER TABLE "script_builder_messages" ADD COLUMN "account_id" UUID;
UPDATE "script_builder_messages" AS m SET "account_id" = s."account_id" FROM "script_builder_sessions" AS s WHERE s."id" = m."builder_session_id";
ALTER TABLE "script_builder_messages" ALTER COLUMN "account_id" SET NOT NULL;
ALTER TABLE "script_builder_messages" ADD CONSTRAINT "script_builder_messages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The role is cluster-wide, so a second database on the same server finds it already there.
DO $$
BEGIN
  CREATE ROLE flowpilot_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
-- The login user takes the role on at connection start (the role startup parameter).
GRANT flowpilot_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO flowpilot_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO flowpilot_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO flowpilot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO flowpilot_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO flowpilot_app;
REVOKE ALL ON TABLE "_prisma_migrations" FROM flowpilot_app;

-- The scope of the current transaction or connection. Empty or unset reads as no scope.
CREATE FUNCTION app_scope_account_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.account_id', true), '')::uuid $$;
CREATE FUNCTION app_scope_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.system', true), '') <> '' $$;

-- Every table with an account_id column, plus accounts itself (by id). The scope functions sit
-- in sub-selects so the planner evaluates them once per statement, not once per row.
DO $$
DECLARE
  tenant_table text;
BEGIN
  FOR tenant_table IN
    SELECT c.table_name FROM information_schema.columns AS c
    JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'account_id' AND t.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format(
      'CREATE POLICY tenant_scope ON %I USING (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system())) WITH CHECK (account_id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()))',
      tenant_table
    );
  END LOOP;
END
$$;

ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "accounts"
  USING (id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()))
  WITH CHECK (id = (SELECT app_scope_account_id()) OR (SELECT app_scope_is_system()));
