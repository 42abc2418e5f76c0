import { describe, expect, it } from "vitest";
import { queryRows } from "@/lib/db";
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
