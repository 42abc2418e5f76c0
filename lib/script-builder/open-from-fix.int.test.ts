import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/script-builder/sessions/route";
import * as messagesRoute from "@/app/api/v1/script-builder/sessions/[id]/messages/route";
import { db } from "@/lib/db";
import { getBuilderSession, listBuilderSessions } from "@/lib/script-builder/builder-sessions";
import { openBuilderFromFix } from "@/lib/script-builder/open-from-fix";
import { STARTING_CONTEXT_HEADING } from "@/lib/script-builder/starting-context";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { readEvents } from "@/tests/helpers/sse";
import { SAMPLE_SCRIPT, suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("From fix MSP");
  b = await createTenant("From fix other");
});
beforeEach(() => model().reset());

async function pilotWithFix() {
  const pilot = await createSessionFor(a.engineer, { title: "Floor two cannot print" });
  await db.sessionFact.create({
    data: { accountId: a.accountId, sessionId: pilot.id, text: "Jobs sit in the queue as Spooling.", sourceKind: "engineer_note", createdById: a.engineer.id },
  });
  const fix = await suggestFix(a.engineer, pilot.id, { aiDraftedParameters: { QueueName: "Floor2" } });
  return { pilot, fix };
}

const open = (as: string, body: object) => callRoute(sessionsRoute.POST, "POST", { as, body });

describe("a builder opened from a suggested fix (D2 build_template)", () => {
  it("starts pre-loaded with the session's title, facts and the fix, its script current", async () => {
    const { pilot, fix } = await pilotWithFix();
    const response = await open(a.engineer.id, { from_session: pilot.id, fix: fix.id });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    const detail = await getBuilderSession(viewerOf(a.engineer), created.id);
    expect(detail).toMatchObject({
      origin: "standalone",
      ai_session_id: pilot.id,
      title: "Restart the print spooler",
      language: "powershell",
      current_script: SAMPLE_SCRIPT,
      current_parameters: { QueueName: "Floor2" },
    });
    expect(detail.messages).toHaveLength(1);
    const context = detail.messages[0]!;
    expect(context.role).toBe("user");
    expect(context.content.startsWith(STARTING_CONTEXT_HEADING)).toBe(true);
    for (const part of ["Pilot session: Floor two cannot print", "- Jobs sit in the queue as Spooling.", "Restart the print spooler", "The spooler is hung.", SAMPLE_SCRIPT]) {
      expect(context.content).toContain(part);
    }

    // The model gets the context as the conversation's opening, merged with the first question.
    model().enqueue({ text: "```powershell\nparam([string]$QueueName)\nRestart-Service Spooler\n```" });
    const events = await readEvents(await callRoute(messagesRoute.POST, "POST", { as: a.engineer.id, params: { id: created.id }, body: { message: "Make it reusable" } }));
    expect(events.at(-1)!.event).toBe("done");
    const sent = model().requests[0]!.body.messages;
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.content)).toContain("Jobs sit in the queue as Spooling.");
    expect(JSON.stringify(sent[0]!.content)).toContain("Make it reusable");
  });

  it("reuses the builder already opened from the same fix; a newer fix opens its own", async () => {
    const { pilot, fix } = await pilotWithFix();
    const first = await openBuilderFromFix(viewerOf(a.engineer), { sessionId: pilot.id, fixId: fix.id });
    const second = await open(a.engineer.id, { from_session: pilot.id, fix: fix.id });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(first.session.id);
    const list = await listBuilderSessions(viewerOf(a.engineer));
    expect(list.items.filter((item) => item.ai_session_id === pilot.id)).toHaveLength(1);

    const newer = await suggestFix(a.engineer, pilot.id, { title: "Clear the stuck jobs" });
    const third = await openBuilderFromFix(viewerOf(a.engineer), { sessionId: pilot.id, fixId: newer.id });
    expect(third.created).toBe(true);
    expect(third.session.title).toBe("Clear the stuck jobs");
  });

  it("is 404 for an unreadable session or a fix of another session, and for other tenants", async () => {
    const { pilot, fix } = await pilotWithFix();
    const elsewhere = await pilotWithFix();
    expect((await open(a.engineer.id, { from_session: pilot.id, fix: elsewhere.fix.id })).status).toBe(404);
    // An active session is its engineer's alone.
    expect((await open(a.admin.id, { from_session: pilot.id, fix: fix.id })).status).toBe(404);
    expect((await open(b.owner.id, { from_session: pilot.id, fix: fix.id })).status).toBe(404);
    expect((await open(a.engineer.id, { from_session: pilot.id })).status).toBe(422);
    expect(await db.scriptBuilderSession.count({ where: { userId: { in: [a.admin.id, b.owner.id] } } })).toBe(0);
  });
});
