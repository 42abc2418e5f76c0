import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as builderSessionsRoute from "@/app/api/v1/script-builder/sessions/route";
import * as builderMessagesRoute from "@/app/api/v1/script-builder/sessions/[id]/messages/route";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import { CHAT_MESSAGE_MAX_LENGTH } from "@/lib/chat/message-limit";
import { db } from "@/lib/db";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { callRoute } from "@/tests/helpers/call-route";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

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

describe("a refused chat message, as the composer shows it", () => {
  const tooLong = "x".repeat(CHAT_MESSAGE_MAX_LENGTH + 1);
  type Refusal = { error: { code: string; message: string; issues: { path: string; message: string }[] } };

  it("answers 422 on a pilot turn in a sentence, keeping the field in the issues", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(turnsRoute.POST, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { message: tooLong } });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as Refusal;
    expect(error.message).toBe("Keep a message to 20,000 characters or fewer.");
    expect(error.issues).toEqual([{ path: "message", message: "Keep a message to 20,000 characters or fewer." }]);
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("answers the same in the script builder", async () => {
    const created = await callRoute(builderSessionsRoute.POST, "POST", { as: tenant.engineer.id, body: {} });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const response = await callRoute(builderMessagesRoute.POST, "POST", { as: tenant.engineer.id, params: { id }, body: { message: tooLong } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Refusal).error.message).toBe("Keep a message to 20,000 characters or fewer.");
  });
});
