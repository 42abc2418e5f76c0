import { beforeAll, describe, expect, it } from "vitest";
import * as factRoute from "@/app/api/v1/ai-sessions/[id]/facts/[factId]/route";
import * as factsRoute from "@/app/api/v1/ai-sessions/[id]/facts/route";
import { db } from "@/lib/db";
import { insertFacts, listFacts } from "@/lib/facts/fact-service";
import { callRoute } from "@/tests/helpers/call-route";
import { addFact, setTaskLane, stateVersionOf } from "@/tests/helpers/session-state";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const QUESTION_ID = "6f1c8a52-35f4-4c1e-9d7e-1b2a3c4d5e6f";
const CHECK_ID = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Facts A");
  b = await createTenant("Facts B");
});

async function activeSession() {
  const session = await createSessionFor(a.engineer);
  await setTaskLane(session.id, {
    questions: [{ id: QUESTION_ID, text: "Does the printer show an error light?", status: "answered" }],
    actions: [{ id: CHECK_ID, label: "Check the spooler service", command: "Get-Service Spooler", status: "done" }],
  });
  return session.id;
}

const list = (as: string, id: string) => callRoute(factsRoute.GET, "GET", { as, params: { id } });
const create = (as: string, id: string, body: unknown) => callRoute(factsRoute.POST, "POST", { as, params: { id }, body });
const patch = (as: string, id: string, factId: string, body: unknown) =>
  callRoute(factRoute.PATCH, "PATCH", { as, params: { id, factId }, body });
const remove = (as: string, id: string, factId: string) => callRoute(factRoute.DELETE, "DELETE", { as, params: { id, factId } });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("GET /api/v1/ai-sessions/[id]/facts", () => {
  it("lists live facts oldest first, each saying whether it is editable (C2)", async () => {
    const id = await activeSession();
    await addFact(a.engineer, id, { text: "Note one" });
    await addFact(a.engineer, id, { text: "From the question", sourceKind: "question", sourceRef: QUESTION_ID });
    await addFact(a.engineer, id, { text: "From the check", sourceKind: "diagnostic_check", sourceRef: CHECK_ID });
    await addFact(a.engineer, id, { text: "Promoted", sourceKind: "ai_promote" });
    const gone = await addFact(a.engineer, id, { text: "Deleted" });
    await db.sessionFact.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const response = await list(a.engineer.id, id);
    expect(response.status).toBe(200);
    const facts = (await response.json()) as { text: string; source_kind: string; source_ref: string | null; editable: boolean }[];
    expect(facts.map((fact) => [fact.text, fact.source_kind, fact.editable])).toEqual([
      ["Note one", "engineer_note", true],
      ["From the question", "question", false],
      ["From the check", "diagnostic_check", false],
      ["Promoted", "ai_promote", true],
    ]);
    expect(facts[1]).toMatchObject({ source_ref: QUESTION_ID, session_id: id });
  });

  it("is 404 for another tenant and for a teammate on an active session; any member reads an escalated one", async () => {
    const id = await activeSession();
    expect((await list(b.owner.id, id)).status).toBe(404);
    expect((await list(a.admin.id, id)).status).toBe(404);
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    await addFact(a.engineer, escalated.id);
    const read = await list(a.viewer.id, escalated.id);
    expect(read.status).toBe(200);
    expect(await read.json()).toHaveLength(1);
  });

  it("hides tenant A's facts from tenant B in the service too", async () => {
    const id = await activeSession();
    await expect(listFacts(viewerOf(b.owner), id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("POST /api/v1/ai-sessions/[id]/facts", () => {
  it("creates an engineer note by default and bumps state_version (B4)", async () => {
    const id = await activeSession();
    const before = await stateVersionOf(id);
    const response = await create(a.engineer.id, id, { text: "  The queue holds 40 stuck jobs.  " });
    expect(response.status).toBe(201);
    const fact = await response.json();
    expect(fact).toMatchObject({ text: "The queue holds 40 stuck jobs.", source_kind: "engineer_note", source_ref: null, editable: true });
    expect(await stateVersionOf(id)).toBe(before + 1);
    expect(await db.sessionFact.findUniqueOrThrow({ where: { id: fact.id } })).toMatchObject({ createdById: a.engineer.id, accountId: a.accountId });
  });

  it("accepts a question source that names a question in the task lane", async () => {
    const id = await activeSession();
    const response = await create(a.engineer.id, id, { text: "No error light.", source_kind: "question", source_ref: QUESTION_ID });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ source_kind: "question", source_ref: QUESTION_ID, editable: false });
  });

  it("refuses a lane source without a ref (422) or with an unknown or mismatched ref (404), without a bump", async () => {
    const id = await activeSession();
    const before = await stateVersionOf(id);
    expect((await create(a.engineer.id, id, { text: "x", source_kind: "question" })).status).toBe(422);
    expect((await create(a.engineer.id, id, { text: "x", source_kind: "question", source_ref: CHECK_ID })).status).toBe(404);
    expect((await create(a.engineer.id, id, { text: "x", source_kind: "diagnostic_check", source_ref: "nope" })).status).toBe(404);
    expect(await stateVersionOf(id)).toBe(before);
    expect(await db.sessionFact.count({ where: { sessionId: id } })).toBe(0);
  });

  it("refuses empty text (422)", async () => {
    const id = await activeSession();
    const response = await create(a.engineer.id, id, { text: "   " });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe("invalid");
  });

  it("is 403 for a viewer, 404 across tenants and for a teammate on an active session, 403 on an escalated one", async () => {
    const id = await activeSession();
    expect((await create(a.viewer.id, id, { text: "x" })).status).toBe(403);
    expect((await create(b.owner.id, id, { text: "x" })).status).toBe(404);
    expect((await create(a.admin.id, id, { text: "x" })).status).toBe(404);
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    const teammate = await create(a.admin.id, escalated.id, { text: "x" });
    expect(teammate.status).toBe(403);
    expect((await errorOf(teammate)).message).toMatch(/Pick it up first/);
    expect(await db.sessionFact.count({ where: { sessionId: { in: [id, escalated.id] } } })).toBe(0);
    expect(await stateVersionOf(escalated.id)).toBe(0);
  });

  it("lets the engineer who picked up an escalated session write to it", async () => {
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    await db.aiSession.update({ where: { id: escalated.id }, data: { handlerId: a.admin.id, status: "active" } });
    expect((await create(a.admin.id, escalated.id, { text: "Picked up" })).status).toBe(201);
    expect((await create(a.engineer.id, escalated.id, { text: "Not mine any more" })).status).toBe(403);
  });
});

describe("PATCH /api/v1/ai-sessions/[id]/facts/[factId]", () => {
  it("rewrites an engineer note or AI-promoted fact and bumps state_version", async () => {
    const id = await activeSession();
    const note = await addFact(a.engineer, id, { text: "Old" });
    const promoted = await addFact(a.engineer, id, { text: "Old promoted", sourceKind: "ai_promote" });
    const before = await stateVersionOf(id);
    const response = await patch(a.engineer.id, id, note.id, { text: "New" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: note.id, text: "New", editable: true });
    expect((await patch(a.engineer.id, id, promoted.id, { text: "New promoted" })).status).toBe(200);
    expect(await stateVersionOf(id)).toBe(before + 2);
  });

  it.each(["question", "diagnostic_check"] as const)("is 403 for a %s fact, telling to edit the source item, without a bump", async (kind) => {
    const id = await activeSession();
    const fact = await addFact(a.engineer, id, { text: "Mirrors the lane", sourceKind: kind, sourceRef: kind === "question" ? QUESTION_ID : CHECK_ID });
    const before = await stateVersionOf(id);
    const response = await patch(a.engineer.id, id, fact.id, { text: "Changed" });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(kind === "question" ? /edit the question instead/ : /edit the diagnostic check instead/);
    expect((await db.sessionFact.findUniqueOrThrow({ where: { id: fact.id } })).text).toBe("Mirrors the lane");
    expect(await stateVersionOf(id)).toBe(before);
  });

  it("is 404 for a deleted fact, a fact of another session and an unknown id", async () => {
    const id = await activeSession();
    const other = await activeSession();
    const deleted = await addFact(a.engineer, id);
    await db.sessionFact.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const elsewhere = await addFact(a.engineer, other);
    expect((await patch(a.engineer.id, id, deleted.id, { text: "x" })).status).toBe(404);
    expect((await patch(a.engineer.id, id, elsewhere.id, { text: "x" })).status).toBe(404);
    expect((await patch(a.engineer.id, id, "00000000-0000-4000-8000-000000000000", { text: "x" })).status).toBe(404);
    expect((await db.sessionFact.findUniqueOrThrow({ where: { id: elsewhere.id } })).text).not.toBe("x");
  });

  it("is 404 for another tenant and 403 for a viewer; the fact is unchanged", async () => {
    const id = await activeSession();
    const fact = await addFact(a.engineer, id, { text: "Kept" });
    expect((await patch(b.owner.id, id, fact.id, { text: "x" })).status).toBe(404);
    expect((await patch(a.viewer.id, id, fact.id, { text: "x" })).status).toBe(403);
    expect((await db.sessionFact.findUniqueOrThrow({ where: { id: fact.id } })).text).toBe("Kept");
  });
});

describe("DELETE /api/v1/ai-sessions/[id]/facts/[factId]", () => {
  it("soft-deletes the fact (204), hides it from the list and bumps state_version", async () => {
    const id = await activeSession();
    const fact = await addFact(a.engineer, id);
    const before = await stateVersionOf(id);
    const response = await remove(a.engineer.id, id, fact.id);
    expect(response.status).toBe(204);
    expect((await db.sessionFact.findUniqueOrThrow({ where: { id: fact.id } })).deletedAt).toBeInstanceOf(Date);
    expect(await (await list(a.engineer.id, id)).json()).toEqual([]);
    expect(await stateVersionOf(id)).toBe(before + 1);
  });

  it("is 404 the second time, without a second bump", async () => {
    const id = await activeSession();
    const fact = await addFact(a.engineer, id);
    await remove(a.engineer.id, id, fact.id);
    const before = await stateVersionOf(id);
    expect((await remove(a.engineer.id, id, fact.id)).status).toBe(404);
    expect(await stateVersionOf(id)).toBe(before);
  });

  it("is 404 across tenants, 403 for a viewer and for a teammate on an escalated session", async () => {
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    const fact = await addFact(a.engineer, escalated.id);
    expect((await remove(b.owner.id, escalated.id, fact.id)).status).toBe(404);
    expect((await remove(a.viewer.id, escalated.id, fact.id)).status).toBe(403);
    expect((await remove(a.owner.id, escalated.id, fact.id)).status).toBe(403);
    expect((await db.sessionFact.findUniqueOrThrow({ where: { id: fact.id } })).deletedAt).toBeNull();
  });
});

describe("insertFacts (the chat turn's [PROMOTE])", () => {
  it("inserts every non-blank fact as ai_promote by default and bumps state_version once", async () => {
    const id = await activeSession();
    const before = await stateVersionOf(id);
    const facts = await db.$transaction((tx) =>
      insertFacts(tx, {
        accountId: a.accountId,
        sessionId: id,
        userId: a.engineer.id,
        facts: [{ text: "One" }, { text: "   " }, { text: "Two", sourceKind: "question", sourceRef: QUESTION_ID }],
      }),
    );
    expect(facts.map((fact) => [fact.text, fact.source_kind, fact.source_ref])).toEqual([
      ["One", "ai_promote", null],
      ["Two", "question", QUESTION_ID],
    ]);
    expect(await stateVersionOf(id)).toBe(before + 1);
  });

  it("writes and bumps nothing for an empty list", async () => {
    const id = await activeSession();
    const before = await stateVersionOf(id);
    expect(await db.$transaction((tx) => insertFacts(tx, { accountId: a.accountId, sessionId: id, userId: null, facts: [{ text: "" }] }))).toEqual([]);
    expect(await stateVersionOf(id)).toBe(before);
  });
});
