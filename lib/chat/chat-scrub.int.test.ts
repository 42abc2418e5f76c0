import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import type { TurnResult } from "@/lib/chat/apply-reply";
import { db } from "@/lib/db";
import { generateScript } from "@/lib/scripts/generate/generate-script";
import { callRoute } from "@/tests/helpers/call-route";
import { addStep } from "@/tests/helpers/documents";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { createTemplateFor } from "@/tests/helpers/script-templates";
import { addFact } from "@/tests/helpers/session-state";
import { readEvents } from "@/tests/helpers/sse";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const SECRET = "Chat-Pa55-Unique-42";
const model = installFakeModel();
let a: TestTenant;

beforeAll(async () => {
  a = await createTenant("Chat scrub MSP");
});
beforeEach(() => {
  model().reset();
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A session with a run whose sensitive value is SECRET, and a fact and a message that held it before the run. */
async function sessionWithSecret() {
  const session = await createSessionFor(a.engineer);
  await addStep(a.engineer, session.id, "engineer_message", `Earlier I typed the password x${SECRET}y by mistake.`);
  await addStep(a.engineer, session.id, "assistant_message", "Noted.");
  await addFact(a.engineer, session.id, { text: `Admin password is now prefix-${SECRET}-suffix` });
  const template = await createTemplateFor(a.engineer);
  await generateScript(viewerOf(a.engineer), { template_id: template.id, parameters: { computer: "PRN-01", admin_password: SECRET }, ai_session_id: session.id });
  return session;
}

describe("a chat turn on a session with sensitive script values (E5)", () => {
  it("sends the model none of them: not in history, facts or the new message", async () => {
    const session = await sessionWithSecret();
    model().enqueue({ text: "Thanks, that worked." });
    const response = await callRoute(turnsRoute.POST, "POST", {
      as: a.engineer.id,
      params: { id: session.id },
      body: { message: `It worked with the new password prefix-${SECRET}-suffix, and ${SECRET} again` },
    });
    await readEvents(response);

    const sent = JSON.stringify(model().requests[0]!.body);
    expect(sent).not.toContain(SECRET);
    expect(sent).toContain("It worked with the new password prefix-[REDACTED]-suffix, and [REDACTED] again");
    expect(sent).toContain("Admin password is now prefix-[REDACTED]-suffix");
    expect(sent).toContain("Earlier I typed the password x[REDACTED]y by mistake.");
    const saved = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: session.id, kind: "engineer_message" }, orderBy: { createdAt: "desc" } });
    expect(saved.content).toBe("It worked with the new password prefix-[REDACTED]-suffix, and [REDACTED] again");
  });

  it("scrubs the model's reply in the stream, the saved step and the facts it promotes", async () => {
    const session = await sessionWithSecret();
    const promote = JSON.stringify([{ text: `The admin password ${SECRET} works` }]);
    model().enqueue({ text: `Great, ${SECRET} is confirmed (prefix-${SECRET}-suffix).\n[PROMOTE]\n${promote}\n[/PROMOTE]`, chunkSize: 3 });
    const events = await readEvents(await callRoute(turnsRoute.POST, "POST", { as: a.engineer.id, params: { id: session.id }, body: { message: "Did it work?" } }));

    const streamed = events.filter((event) => event.event === "delta").map((event) => (event.data as { text: string }).text).join("");
    expect(streamed).toBe("Great, [REDACTED] is confirmed (prefix-[REDACTED]-suffix).");
    const done = events.at(-1)!.data as TurnResult;
    expect(JSON.stringify(done)).not.toContain(SECRET);
    expect(done.facts_added.map((fact) => fact.text)).toEqual(["The admin password [REDACTED] works"]);
    const reply = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: session.id, kind: "assistant_message" }, orderBy: { createdAt: "desc" } });
    expect(reply.content).toBe(streamed);
    expect(JSON.stringify(reply.metadata)).not.toContain(SECRET);
  });
});
