import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { runInSystemScope, runInTenantScope, runWithoutScope } from "@/lib/tenancy/scope";
import { APP_DATABASE_ROLE } from "@/lib/tenancy/scoped-pool";
import { asTableOwner } from "@/tests/helpers/as-table-owner";
import { fillEveryTenantTable } from "@/tests/helpers/every-tenant-table";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

// SPEC A6, the second wall, proven from the catalog: whatever tables exist now or are added later.

/** Tables that hold no tenant's data: the sign-in throttle is keyed by email and address hashes. */
const NOT_TENANT_DATA = ["sign_in_throttles"];

type TableRow = { table: string; rls: boolean; forced: boolean; owner: string; tenant_column: string | null };

let tables: TableRow[];
let tenantTables: { table: string; column: string }[];
let a: TestTenant;
let b: TestTenant;

const count = async (table: string, column: string, accountId: string) => {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1::uuid`, accountId);
  return Number(rows[0]!.n);
};
const countAll = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);

beforeAll(async () => {
  tables = await db.$queryRaw<TableRow[]>`
    SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced, pg_get_userbyid(c.relowner) AS owner,
      (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('account_id') AND NOT a.attisdropped) AS tenant_column
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`;
  tenantTables = tables
    .filter((row) => !NOT_TENANT_DATA.includes(row.table))
    .map((row) => ({ table: row.table, column: row.table === "accounts" ? "id" : (row.tenant_column ?? "account_id") }));
  a = await createTenant("Wall A");
  b = await createTenant("Wall B");
  await fillEveryTenantTable(a);
  await fillEveryTenantTable(b);
});

describe("the catalog", () => {
  it("gives every table but the throttle an account column (accounts itself by id)", () => {
    const withoutColumn = tables.filter((row) => !row.tenant_column && row.table !== "accounts").map((row) => row.table);
    expect(withoutColumn).toEqual(NOT_TENANT_DATA);
  });

  it("enables and forces row-level security on every tenant table, under one policy that checks writes too", async () => {
    const policies = await db.$queryRaw<{ table: string; qual: string; with_check: string | null; cmd: string }[]>`
      SELECT tablename AS table, qual, with_check, cmd FROM pg_policies WHERE schemaname = 'public'`;
    for (const { table } of tenantTables) {
      const row = tables.find((candidate) => candidate.table === table)!;
      expect({ table, rls: row.rls, forced: row.forced }).toEqual({ table, rls: true, forced: true });
      const own = policies.filter((policy) => policy.table === table);
      expect(own, table).toHaveLength(1);
      expect(own[0]!.cmd, table).toBe("ALL");
      expect(own[0]!.qual, table).toContain("app_scope_account_id()");
      expect(own[0]!.with_check, table).toBe(own[0]!.qual);
    }
  });

  it("connects as a role that owns no table, is no superuser and can't bypass row-level security", async () => {
    const [role] = await db.$queryRaw<{ name: string; superuser: boolean; bypass: boolean; owned: bigint }[]>`
      SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
        (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r') AS owned
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ name: APP_DATABASE_ROLE, superuser: false, bypass: false, owned: BigInt(0) });
  });
});

describe("the wall", () => {
  it("has rows of both tenants in every tenant table, so nothing below passes by being empty", async () => {
    for (const { table, column } of tenantTables) {
      expect({ table, a: (await count(table, column, a.accountId)) > 0, b: (await count(table, column, b.accountId)) > 0 }).toEqual({ table, a: true, b: true });
    }
  });

  it("shows B's scope none of A's rows, and all of B's own", async () => {
    for (const { table, column } of tenantTables) {
      const ownRows = await count(table, column, b.accountId);
      const seen = await runInTenantScope(b.accountId, async () => ({ a: await count(table, column, a.accountId), all: await countAll(table) }));
      expect({ table, ...seen }).toEqual({ table, a: 0, all: ownRows });
    }
  });

  it("lets B's scope change or delete none of A's rows", async () => {
    for (const { table, column } of tenantTables) {
      const before = await count(table, column, a.accountId);
      const changed = await runInTenantScope(b.accountId, async () => ({
        updated: await db.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = "${column}" WHERE "${column}" = $1::uuid`, a.accountId),
        deleted: await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" = $1::uuid`, a.accountId),
      }));
      expect({ table, ...changed, after: await count(table, column, a.accountId) }).toEqual({ table, updated: 0, deleted: 0, after: before });
    }
  });

  it("refuses B's scope moving its own rows into A, or writing a row for A", async () => {
    for (const { table, column } of tenantTables.filter(({ table }) => table !== "accounts")) {
      const moved = runInTenantScope(b.accountId, () =>
        db.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1::uuid WHERE "${column}" = $2::uuid`, a.accountId, b.accountId),
      );
      await expect(moved, table).rejects.toThrow(/row-level security/);
    }
    const written = runInTenantScope(b.accountId, () => db.aiSession.create({ data: { accountId: a.accountId, userId: a.engineer.id, title: "Planted" } }));
    await expect(written).rejects.toThrow(/row-level security/);
    expect(await db.aiSession.count({ where: { title: "Planted" } })).toBe(0);
  });

  it("shows a query with no scope no rows at all, and lets it write none", async () => {
    for (const { table } of tenantTables) {
      expect({ table, rows: await runWithoutScope(() => countAll(table)) }).toEqual({ table, rows: 0 });
    }
    const written = runWithoutScope(() => db.auditEvent.create({ data: { accountId: a.accountId, action: "planted", targetType: "nothing" } }));
    await expect(written).rejects.toThrow(/row-level security/);
  });

  it("lets a named system context read across tenants", async () => {
    const seen = await runInSystemScope("notification-sweeper", () => db.aiSession.count({ where: { accountId: { in: [a.accountId, b.accountId] } } }));
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});

describe("the scope on pooled connections", () => {
  it("follows each query when one connection serves tenants in turn", async () => {
    for (let round = 0; round < 3; round += 1) {
      for (const tenant of [a, b]) {
        const seen = await runInTenantScope(tenant.accountId, () => db.user.findMany({ select: { accountId: true } }));
        expect(new Set(seen.map((user) => user.accountId))).toEqual(new Set([tenant.accountId]));
      }
      expect(await runWithoutScope(() => db.user.count())).toBe(0);
    }
  });

  it("keeps a transaction in the scope it began in, with or without an isolation level", async () => {
    for (const isolationLevel of [undefined, Prisma.TransactionIsolationLevel.RepeatableRead, Prisma.TransactionIsolationLevel.Serializable]) {
      const [setting] = await runInTenantScope(a.accountId, () =>
        db.$transaction(
          async (tx) => {
            const users = await tx.user.findMany({ select: { accountId: true } });
            const [row] = await tx.$queryRaw<{ account: string; isolation: string }[]>`
              SELECT current_setting('app.account_id') AS account, current_setting('transaction_isolation') AS isolation`;
            return [{ ...row, accounts: [...new Set(users.map((user) => user.accountId))] }];
          },
          isolationLevel ? { isolationLevel } : undefined,
        ),
      );
      expect(setting).toEqual({ account: a.accountId, isolation: isolationLevel === undefined ? "read committed" : isolationLevel === "RepeatableRead" ? "repeatable read" : "serializable", accounts: [a.accountId] });
    }
  });

  it("serves two tenants' lookups started in the same tick each in their own scope (findFirst)", async () => {
    const [forA, forB] = await Promise.all([
      runInTenantScope(a.accountId, () => db.user.findFirst({ where: { id: a.owner.id } })),
      runInTenantScope(b.accountId, () => db.user.findFirst({ where: { id: b.owner.id } })),
    ]);
    expect([forA?.id, forB?.id]).toEqual([a.owner.id, b.owner.id]);
  });

  it("shows why findUnique is forbidden in app code: Prisma batches a tick's lookups into the first caller's scope", async () => {
    const [forA, forB] = await Promise.all([
      runInTenantScope(a.accountId, () => db.user.findUnique({ where: { id: a.owner.id } })),
      runInTenantScope(b.accountId, () => db.user.findUnique({ where: { id: b.owner.id } })),
    ]);
    // If this starts passing both, Prisma stopped batching across callers and the lint rule can go.
    expect([forA?.id ?? null, forB?.id ?? null]).toEqual([a.owner.id, null]);
  });
});

describe("the boot check", () => {
  it("finds nothing wrong with the app's own connection", async () => {
    const { appRoleProblem } = await import("@/lib/tenancy/assert-app-role");
    expect(await appRoleProblem()).toBeNull();
  });
});

describe("indexes under the wall", () => {
  it("marks enum equality leakproof, so a status filter can use its index beneath the policy", async () => {
    const rows = await db.$queryRaw<{ name: string; leakproof: boolean }[]>`
      SELECT proname AS name, proleakproof AS leakproof FROM pg_proc WHERE proname IN ('enum_eq', 'enum_ne') ORDER BY proname`;
    expect(rows).toEqual([{ name: "enum_eq", leakproof: true }, { name: "enum_ne", leakproof: true }]);
  });

  it("plans a tenant's status count on the status index, not a scan of the account's rows", async () => {
    // Enough rows that a scan of the account's sessions would cost more than the index.
    const data = Array.from({ length: 3000 }, (_, i) => ({ accountId: a.accountId, userId: a.engineer.id, title: `Load ${i}`, status: i < 10 ? ("parked" as const) : ("resolved" as const) }));
    await db.aiSession.createMany({ data });
    await asTableOwner("ANALYZE ai_sessions");
    const plan = await runInTenantScope(a.accountId, () =>
      db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT count(*) FROM ai_sessions WHERE account_id = $1::uuid AND status = CAST($2::text AS "SessionStatus")`,
        a.accountId,
        "parked",
      ),
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Cond: .*status/);
  });
});
