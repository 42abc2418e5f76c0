import { describe, expect, it } from "vitest";
import { queryPreparedRows, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { createSessionFor, createTenant } from "@/tests/helpers/tenant";

describe("queryRows", () => {
  it("binds values and reads only the scope's rows, as Prisma's own queries do", async () => {
    const a = await createTenant("Raw rows A");
    const b = await createTenant("Raw rows B");
    const mine = await createSessionFor(a.engineer, { status: "active" });
    await createSessionFor(b.engineer, { status: "active" });
    const rowsOf = (accountId: string) =>
      runInTenantScope(accountId, () =>
        queryRows<{ id: string; accountId: string }>(Prisma.sql`SELECT id, account_id AS "accountId" FROM ai_sessions WHERE status = ${"active"}`),
      );
    expect(await rowsOf(a.accountId)).toEqual([{ id: mine.id, accountId: a.accountId }]);
    // No WHERE on the account: row-level security alone keeps B's session out of A's answer.
    expect((await rowsOf(b.accountId)).map((row) => row.accountId)).toEqual([b.accountId]);
  });
});

describe("queryPreparedRows", () => {
  const activeSessions = Prisma.sql`SELECT id, account_id AS "accountId" FROM ai_sessions WHERE status = ${"active"} ORDER BY id`;

  it("runs as a named prepared statement of the connection", async () => {
    const rows = await queryPreparedRows<{ name: string }>(
      // The comment is in the statement's text, so it finds itself among the connection's prepared statements.
      Prisma.sql`SELECT name FROM pg_prepared_statements /* prepared-self-check */ WHERE statement LIKE ${"%prepared-self-check%"}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^fp_[0-9a-f]{24}$/);
  });

  it("keeps each scope's rows apart once PostgreSQL plans it generically", async () => {
    const a = await createTenant("Prepared rows A");
    const b = await createTenant("Prepared rows B");
    const mineA = await createSessionFor(a.engineer, { status: "active" });
    const mineB = await createSessionFor(b.engineer, { status: "active" });
    const rowsOf = (accountId: string) => runInTenantScope(accountId, () => queryPreparedRows<{ id: string; accountId: string }>(activeSessions));
    // PostgreSQL considers a generic plan from the sixth run on; the scope is read when each run starts.
    for (let run = 0; run < 8; run += 1) {
      expect(await rowsOf(a.accountId)).toEqual([{ id: mineA.id, accountId: a.accountId }]);
      expect(await rowsOf(b.accountId)).toEqual([{ id: mineB.id, accountId: b.accountId }]);
    }
  });
});
