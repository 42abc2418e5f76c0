import { db } from "@/lib/db";
import { APP_DATABASE_ROLE } from "@/lib/tenancy/scoped-pool";

/**
 * Refuses to serve when the database connection would skip row-level security: a superuser, a
 * role with BYPASSRLS, or one owning the tables. Returns the sentence to print, or null when safe.
 */
export async function appRoleProblem(): Promise<string | null> {
  const [role] = await db.$queryRaw<{ name: string; superuser: boolean; bypass: boolean; owns: boolean }[]>`
    SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
      EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r') AS owns
    FROM pg_roles r WHERE r.rolname = current_user`;
  if (!role || role.name !== APP_DATABASE_ROLE) return `FlowPilot can't start: the database connection acts as ${role?.name ?? "an unknown role"}, not ${APP_DATABASE_ROLE}.`;
  if (role.superuser || role.bypass || role.owns) {
    return `FlowPilot can't start: the database role ${APP_DATABASE_ROLE} would bypass row-level security (superuser, BYPASSRLS or a table owner). Run the migrations as another user.`;
  }
  return null;
}
