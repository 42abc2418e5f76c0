import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import { DEFAULT_CAPABLE_MODEL } from "@/lib/ai/ai-config";
import { db } from "@/lib/db";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { callRoute } from "@/tests/helpers/call-route";
import { readEvents } from "@/tests/helpers/sse";
import type { TurnResult } from "@/lib/chat/apply-reply";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;

beforeAll(async () => {
  a = await createTenant("Chat MSP");
});
beforeEach(() => model().reset());

const turn = (sessionId: string, message: string, as = a.engineer.id) =>
  callRoute(turnsRoute.POST, "POST", { as, params: { id: sessionId }, body: { message } });

const block = (name: string, json: unknown) => `[${name}]\n${JSON.stringify(json)}\n[/${name}]`;

const FIRST_REPLY = [
  "Let's check whether the spooler is the culprit.",
  "",
  "Ask the user one thing first.",
  block("QUESTIONS", [{ text: "Did the printer work yesterday?" }]),
  block("ACTIONS", [{ label: "Check the Print Spooler service", command: "Get-Service Spooler" }]),
  block("PROMOTE", [{ text: "Printing fails for every user on the floor." }]),
  block("SUGGEST_FIX", { title: "Restart the spooler", description: "Restart the Print Spooler service.", confidence: 140, script: "Restart-Service Spooler" }),
].join("\n");

describe("a chat turn", () => {
  it("streams prose only, then persists the task lane, facts and fix with a version bump", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: FIRST_REPLY, chunkSize: 7 });

    const response = await turn(session.id, "Nobody on floor two can print.");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = await readEvents(response);
    const streamed = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
    expect(streamed).toBe("Let's check whether the spooler is the culprit.\n\nAsk the user one thing first.");
    expect(streamed).not.toContain("[");

    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    const result = done.data as TurnResult;
    expect(result.task_lane.questions).toEqual([{ id: expect.any(String), text: "Did the printer work yesterday?", status: "open" }]);
    expect(result.task_lane.actions[0]).toMatchObject({ label: "Check the Print Spooler service", command: "Get-Service Spooler" });
    expect(result.facts_added.map((fact: { text: string }) => fact.text)).toEqual(["Printing fails for every user on the floor."]);
    expect(result.suggested_fix).toMatchObject({ title: "Restart the spooler", confidence: 100 });

    const stored = await db.aiSession.findUniqueOrThrow({ where: { id: session.id }, include: { steps: { orderBy: { createdAt: "asc" } } } });
    expect(stored.steps.map((step) => step.kind)).toEqual(["engineer_message", "assistant_message"]);
    expect(stored.steps[1]!.content).toBe(streamed);
    expect(stored.stateVersion).toBe(2); // facts once, fix once
    expect(result.state_version).toBe(2);
    expect(model().requests[0]!.body.model).toBe(DEFAULT_CAPABLE_MODEL);
  });

  it("keeps task-lane ids across turns and sends history cached, state in the newest message", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: FIRST_REPLY });
    const first = (await readEvents(await turn(session.id, "Nobody can print."))).at(-1)!.data as TurnResult;
    const questionId = first.task_lane.questions[0]!.id;

    model().enqueue({
      text: `Thanks.\n${block("QUESTIONS", [{ text: "  did the PRINTER work yesterday? " }, { text: "Is the queue paused?" }])}`,
    });
    const second = (await readEvents(await turn(session.id, "It worked yesterday."))).at(-1)!.data as TurnResult;
    expect(second.task_lane.questions.map((q: { id: string }) => q.id)[0]).toBe(questionId);
    expect(second.task_lane.questions).toHaveLength(2);

    const sent = model().requests[1]!.body;
    expect(sent.stream).toBe(true);
    expect(sent.system).toEqual([expect.objectContaining({ cache_control: { type: "ephemeral" } })]);
    expect(sent.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    const history = sent.messages[1]!.content as { text: string; cache_control?: object }[];
    expect(history.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
    const latest = JSON.stringify(sent.messages[2]!.content);
    expect(latest).toContain("It worked yesterday.");
    expect(latest).toContain(questionId);
    expect(latest).toContain("Printing fails for every user on the floor.");
  });

  it("drops a malformed block and keeps the prose", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: "Try this.\n[SUGGEST_FIX]\n{\"title\": \"Broken\", \n[/SUGGEST_FIX]" });
    const done = (await readEvents(await turn(session.id, "Help"))).at(-1)!;
    expect(done.data).toMatchObject({ prose: "Try this.", suggested_fix: null, dropped_markers: 1 });
    expect(await db.sessionSuggestedFix.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("turns a [FIX_OUTCOME] into a proposal only, without a version bump", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: FIRST_REPLY });
    await readEvents(await turn(session.id, "Nobody can print."));
    const before = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });

    model().enqueue({ text: `Great news.\n${block("FIX_OUTCOME", { outcome: "applied_success", notes: "Printing works again." })}` });
    const done = (await readEvents(await turn(session.id, "Restarting the spooler fixed it!"))).at(-1)!.data as TurnResult;
    expect(done.outcome_proposal?.ai_outcome_proposal).toMatchObject({ outcome: "applied_success" });
    const fix = await db.sessionSuggestedFix.findFirstOrThrow({ where: { sessionId: session.id, supersededAt: null } });
    expect(fix.status).toBe("proposed");
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).stateVersion).toBe(before.stateVersion);
  });

  it("offers a fork when the conversation splits", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: `That sounds like a separate problem.\n${block("FORK", { reason: "Different symptom", title: "Teams calls drop", summary: "Calls drop after a minute." })}` });
    const done = (await readEvents(await turn(session.id, "Also Teams calls drop."))).at(-1)!.data as TurnResult;
    expect(done.fork).toEqual({ reason: "Different symptom", title: "Teams calls drop", summary: "Calls drop after a minute." });
  });

  it("saves the engineer's message and streams an error when the model is down", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ status: 529 }, { status: 529 }, { status: 529 }, { status: 529 });
    const events = await readEvents(await turn(session.id, "Is anyone there?"));
    expect(events.at(-1)).toMatchObject({ event: "error", data: { code: "unavailable" } });
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps.map((step) => [step.kind, step.content])).toEqual([["engineer_message", "Is anyone there?"]]);
  });

  it("refuses a resolved session with 409 and writes nothing; wakes a parked one", async () => {
    const resolved = await createSessionFor(a.engineer, { status: "resolved" });
    const response = await turn(resolved.id, "Hello?");
    expect(response.status).toBe(409);
    expect(await db.aiSessionStep.count({ where: { sessionId: resolved.id } })).toBe(0);

    const parked = await createSessionFor(a.engineer, { status: "parked" });
    model().enqueue({ text: "Welcome back." });
    await readEvents(await turn(parked.id, "Back on this."));
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: parked.id } })).status).toBe("active");
  });
});
