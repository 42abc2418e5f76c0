import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

/** The error a real query throws through the pg driver adapter. */
async function thrownBy(query: Promise<unknown>): Promise<unknown> {
  return query.then(
    () => {
      throw new Error("the query was expected to fail");
    },
    (error: unknown) => error,
  );
}

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Errors MSP");
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("toErrorResponseParts with errors from the real database", () => {
  it("maps a unique violation (duplicate email) to 409", async () => {
    const error = await thrownBy(
      db.user.create({ data: { accountId: tenant.accountId, email: tenant.owner.email, name: "Duplicate" } }),
    );
    expect(toErrorResponseParts(error)).toEqual({ status: 409, body: { error: { code: "conflict", message: "That already exists." } } });
  });

  it("maps an update of a missing row to 404", async () => {
    const error = await thrownBy(db.user.update({ where: { id: "00000000-0000-4000-8000-000000000000" }, data: { name: "Ghost" } }));
    expect(toErrorResponseParts(error)).toEqual({ status: 404, body: { error: { code: "not_found", message: "Not found." } } });
  });

  it("maps a foreign-key violation to a generic 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await thrownBy(
      db.aiSession.create({ data: { accountId: tenant.accountId, userId: "00000000-0000-4000-8000-000000000000", title: "Orphan" } }),
    );
    const parts = toErrorResponseParts(error);
    expect(parts.status).toBe(500);
    expect(JSON.stringify(parts.body)).not.toMatch(/ai_sessions|user_id|foreign/i);
  });
});
