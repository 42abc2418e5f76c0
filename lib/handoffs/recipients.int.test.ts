import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { escalationRecipientsSql, escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { addUser } from "@/tests/helpers/users";
import { createTenant } from "@/tests/helpers/tenant";

describe("escalationRecipientsSql", () => {
  it("chooses exactly the users escalationRecipientsWhere does", async () => {
    const tenant = await createTenant("Recipients MSP");
    const other = await createTenant("Other Recipients MSP");
    await addUser(tenant.accountId, { role: "engineer", deleted: true, label: "removed" });
    await addUser(tenant.accountId, { role: "admin", label: "second-admin" });
    const input = { accountId: tenant.accountId, escalatorId: tenant.engineer.id };
    const byWhere = await db.user.findMany({ where: escalationRecipientsWhere(input), select: { id: true } });
    const bySql = await queryRows<{ id: string }>(Prisma.sql`SELECT u.id FROM users u WHERE ${escalationRecipientsSql("u", input)}`);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(bySql)).toEqual(ids(byWhere));
    expect(ids(bySql)).not.toContain(tenant.engineer.id);
    expect(ids(bySql)).not.toContain(tenant.viewer.id);
    expect(ids(bySql)).not.toContain(other.owner.id);
    expect(bySql.length).toBeGreaterThanOrEqual(3);
  });
});
