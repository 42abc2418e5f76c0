import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as promoteRoute from "@/app/api/v1/ai-sessions/[id]/facts/promote/route";
import { DEFAULT_CAPABLE_MODEL, DEFAULT_CHEAP_MODEL } from "@/lib/ai/ai-config";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";
import { setTaskLane, stateVersionOf } from "@/tests/helpers/session-state";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

const QUESTION_ID = "6f1c8a52-35f4-4c1e-9d7e-1b2a3c4d5e6f";
const CHECK_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
const QUESTION = "Does the label printer in the warehouse show an error light?";
const CHECK = "Check whether the print spooler service is running";

const fake = installFakeModel();
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Promote A");
  b = await createTenant("Promote B");
});
beforeEach(() => fake().reset());

async function laneSession(status: "active" | "escalated" = "active") {
  const session = await createSessionFor(a.engineer, { status });
  await setTaskLane(session.id, {
    questions: [{ id: QUESTION_ID, text: QUESTION, status: "answered", answer: "Solid red light" }],
    actions: [{ id: CHECK_ID, label: CHECK, command: "Get-Service Spooler", status: "done" }],
  });
  return session.id;
}

const promote = (as: string, id: string, body: unknown) => callRoute(promoteRoute.POST, "POST", { as, params: { id }, body });
const reply = (fact: string | null) => ({ text: JSON.stringify({ fact }) });
const factsOf = (sessionId: string) => db.sessionFact.findMany({ where: { sessionId } });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Everything the model was sent in one request, as text. */
function promptText(index = 0): string {
  const body = fake().requests[index]!.body;
  const blocks = [body.system ?? [], ...body.messages.map((message) => message.content)].flat();
  return blocks.map((block) => (typeof block === "string" ? block : (block.text ?? ""))).join("\n");
}

describe("POST /api/v1/ai-sessions/[id]/facts/promote with proposed_text", () => {
  it("stores it as an AI-promoted fact with the optional source_ref, bumps state_version, calls no model", async () => {
    const id = await laneSession();
    const before = await stateVersionOf(id);
    const response = await promote(a.engineer.id, id, { proposed_text: "The spooler was hung.", source_ref: CHECK_ID });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ text: "The spooler was hung.", source_kind: "ai_promote", source_ref: CHECK_ID, editable: true });
    expect(await stateVersionOf(id)).toBe(before + 1);
    expect(fake().requests).toHaveLength(0);
  });

  it("needs proposed_text or a source_ref (422)", async () => {
    const id = await laneSession();
    const response = await promote(a.engineer.id, id, {});
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/proposed_text/);
  });

  it("is 403 for a viewer, 404 across tenants and for a teammate on an active session, 403 on an escalated one", async () => {
    const id = await laneSession();
    const escalated = await laneSession("escalated");
    const body = { proposed_text: "A fact" };
    expect((await promote(a.viewer.id, id, body)).status).toBe(403);
    expect((await promote(b.owner.id, id, body)).status).toBe(404);
    expect((await promote(a.admin.id, id, body)).status).toBe(404);
    expect((await promote(a.admin.id, escalated, body)).status).toBe(403);
    expect(await db.sessionFact.count({ where: { sessionId: { in: [id, escalated] } } })).toBe(0);
  });
});

describe("POST /api/v1/ai-sessions/[id]/facts/promote by synthesis (C3)", () => {
  it("asks the cheap model about a question and its answer, and stores a question fact", async () => {
    const id = await laneSession();
    const before = await stateVersionOf(id);
    fake().enqueue(reply("The warehouse label printer shows a solid red error light."));
    const response = await promote(a.engineer.id, id, { source_ref: QUESTION_ID });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      text: "The warehouse label printer shows a solid red error light.",
      source_kind: "question",
      source_ref: QUESTION_ID,
      editable: false,
    });
    expect(await stateVersionOf(id)).toBe(before + 1);

    expect(fake().requests).toHaveLength(1);
    expect(fake().requests[0]!.body.model).toBe(process.env.ANTHROPIC_MODEL_CHEAP ?? DEFAULT_CHEAP_MODEL);
    expect(fake().requests[0]!.body.model).not.toBe(DEFAULT_CAPABLE_MODEL);
    expect(promptText()).toContain(QUESTION);
    expect(promptText()).toContain("Solid red light");
  });

  it("uses the engineer's result from the request for a diagnostic check", async () => {
    const id = await laneSession();
    fake().enqueue(reply("The print spooler service is stopped."));
    const response = await promote(a.engineer.id, id, { source_ref: CHECK_ID, result: "Status: Stopped" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ source_kind: "diagnostic_check", source_ref: CHECK_ID });
    expect(promptText()).toContain(CHECK);
    expect(promptText()).toContain("Status: Stopped");
  });

  it.each([
    ["null", reply(null)],
    ["an empty string", reply("   ")],
  ])("is 422 when the synthesis yields %s, storing nothing and bumping nothing", async (_label, answer) => {
    const id = await laneSession();
    const before = await stateVersionOf(id);
    fake().enqueue(answer);
    const response = await promote(a.engineer.id, id, { source_ref: CHECK_ID });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe("invalid");
    expect(await factsOf(id)).toEqual([]);
    expect(await stateVersionOf(id)).toBe(before);
  });

  it("is 404 for a source_ref that is not in the task lane, without calling the model", async () => {
    const id = await laneSession();
    const response = await promote(a.engineer.id, id, { source_ref: "4b0e3b8e-0000-4000-8000-000000000000" });
    expect(response.status).toBe(404);
    expect(fake().requests).toHaveLength(0);
  });

  it("is 503 with a clear message when no model is configured", async () => {
    const id = await laneSession();
    const response = await withoutModel(() => promote(a.engineer.id, id, { source_ref: QUESTION_ID }));
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toMatch(/isn't configured.*type the fact yourself/i);
    expect(await factsOf(id)).toEqual([]);
  });

  it("is 503 when the model is overloaded, storing nothing", async () => {
    const id = await laneSession();
    const before = await stateVersionOf(id);
    fake().enqueue({ status: 529 }, { status: 529 }, { status: 529 });
    const response = await promote(a.engineer.id, id, { source_ref: QUESTION_ID });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe("unavailable");
    expect(await factsOf(id)).toEqual([]);
    expect(await stateVersionOf(id)).toBe(before);
  });

  it("refuses a teammate before calling the model", async () => {
    const escalated = await laneSession("escalated");
    expect((await promote(a.admin.id, escalated, { source_ref: QUESTION_ID })).status).toBe(403);
    expect((await promote(b.owner.id, escalated, { source_ref: QUESTION_ID })).status).toBe(404);
    expect(fake().requests).toHaveLength(0);
  });
});
