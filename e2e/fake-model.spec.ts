import type { APIRequestContext } from "@playwright/test";
import {
  DEFAULT_MODEL_REPLY,
  enqueueReplies,
  expect,
  fakeModelUrl,
  promptOf,
  recordedModelRequests,
  resetModel,
  setModelMode,
  test,
} from "./fixtures";

/**
 * The fake Anthropic API that every e2e run points the app at: its admin API, its Messages API
 * (JSON and streamed), and the app's wiring to it. No UI. Runs alone in the fake-model project
 * (playwright.config.ts), before the other specs, because it resets the fake and takes it down.
 */

const MODEL = "claude-e2e-check";

function messages(request: APIRequestContext, content: string, options: { stream?: boolean } = {}) {
  return request.post(`${fakeModelUrl()}/v1/messages`, {
    headers: { "x-api-key": "e2e-fake-key", "anthropic-version": "2023-06-01" },
    data: { model: MODEL, max_tokens: 256, stream: options.stream ?? false, messages: [{ role: "user", content }] },
  });
}

type StreamEvent = { event: string; data: { type: string; delta?: { type: string; text?: string } } };

/** The server-sent events of a whole streamed body. */
function parseEvents(body: string): StreamEvent[] {
  return body
    .split("\n\n")
    .filter((frame) => frame.trim())
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? "";
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "{}") as StreamEvent["data"];
      return { event, data };
    });
}

const streamedText = (events: StreamEvent[]) =>
  events
    .filter((e) => e.event === "content_block_delta")
    .map((e) => e.data.delta?.text ?? "")
    .join("");

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ request }) => {
  await resetModel(request);
});
test.afterAll(async ({ request }) => {
  await resetModel(request);
});

test("queued replies answer in order, as JSON and as a stream, and are recorded", async ({ request }) => {
  await enqueueReplies(request, [{ text: "First, as JSON." }, { text: "Second, streamed in small pieces.", chunkSize: 5 }, { status: 429 }]);

  const json = await messages(request, "one");
  expect(json.status()).toBe(200);
  expect(await json.json()).toMatchObject({
    type: "message",
    role: "assistant",
    model: MODEL,
    content: [{ type: "text", text: "First, as JSON." }],
    stop_reason: "end_turn",
    usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number), cache_read_input_tokens: 0 },
  });

  const stream = await messages(request, "two", { stream: true });
  expect(stream.status()).toBe(200);
  expect(stream.headers()["content-type"]).toContain("text/event-stream");
  const events = parseEvents(await stream.text());
  expect(events[0]!.event).toBe("message_start");
  expect(events.at(-1)!.event).toBe("message_stop");
  expect(events.filter((e) => e.event === "content_block_delta")).toHaveLength(Math.ceil("Second, streamed in small pieces.".length / 5));
  expect(streamedText(events)).toBe("Second, streamed in small pieces.");

  const limited = await messages(request, "three");
  expect(limited.status()).toBe(429);
  expect(limited.headers()["retry-after"]).toBe("0");
  expect(await limited.json()).toEqual({ type: "error", error: { type: "rate_limit_error", message: "rate_limit_error" } });

  const recorded = await recordedModelRequests(request);
  expect(recorded.map((r) => [promptOf(r), r.stream])).toEqual([
    ["one", false],
    ["two", true],
    ["three", false],
  ]);
  expect(recorded[0]!.headers["x-api-key"]).toBe("e2e-fake-key");
  expect(recorded[0]!.body.model).toBe(MODEL);
});

test("with nothing queued it answers a plain default reply, streamed or not", async ({ request }) => {
  const json = await messages(request, "anything");
  expect((await json.json()).content[0].text).toBe(DEFAULT_MODEL_REPLY);
  expect(DEFAULT_MODEL_REPLY).not.toContain("[");

  const stream = await messages(request, "anything", { stream: true });
  expect(streamedText(parseEvents(await stream.text()))).toBe(DEFAULT_MODEL_REPLY);
});

test("down answers every request 529 overloaded until it is up again", async ({ request }) => {
  await enqueueReplies(request, [{ text: "Kept for later." }]);
  await setModelMode(request, "down");
  for (const stream of [false, true]) {
    const response = await messages(request, "are you there?", { stream });
    expect(response.status()).toBe(529);
    expect(await response.json()).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
  }

  await setModelMode(request, "up");
  expect((await (await messages(request, "and now?")).json()).content[0].text).toBe("Kept for later.");
  expect(await recordedModelRequests(request)).toHaveLength(3);
});

test("a reply with match only answers a prompt that contains it", async ({ request }) => {
  await enqueueReplies(request, [{ text: "Only for the printer test.", match: "printer-7f3a" }]);
  expect((await (await messages(request, "unrelated call")).json()).content[0].text).toBe(DEFAULT_MODEL_REPLY);
  expect((await (await messages(request, "the printer-7f3a is offline")).json()).content[0].text).toBe("Only for the printer test.");
});

test("reset forgets the queue, the mode and the recorded requests", async ({ request }) => {
  await enqueueReplies(request, [{ text: "Never sent." }]);
  await setModelMode(request, "down");
  await messages(request, "recorded");
  expect(await recordedModelRequests(request)).toHaveLength(1);

  await resetModel(request);
  expect(await recordedModelRequests(request)).toEqual([]);
  expect((await (await messages(request, "after reset")).json()).content[0].text).toBe(DEFAULT_MODEL_REPLY);
});

test("the admin API refuses malformed bodies", async ({ request }) => {
  const admin = (route: string, data: unknown) => request.post(`${fakeModelUrl()}/_fake/${route}`, { data });
  expect((await admin("enqueue", { replies: [] })).status()).toBe(400);
  expect((await admin("enqueue", { replies: [{ status: 418 }] })).status()).toBe(400);
  expect((await admin("enqueue", { replies: [{ text: "x", delayMs: -1 }] })).status()).toBe(400);
  expect((await admin("mode", { mode: "sideways" })).status()).toBe(400);
  expect((await request.get(`${fakeModelUrl()}/_fake/nothing-here`)).status()).toBe(404);
});

test("the app under test writes its documents with the fake model", async ({ request, requestAs }) => {
  const senior = await requestAs("senior");
  const created = await senior.post("/api/v1/ai-sessions", { data: { title: "Fake model wiring check" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const note = "## Problem\nWiring check\n## What we confirmed\n- The app reached the fake\n## Root cause\nNone\n## Resolution\nNone";
  await enqueueReplies(request, [{ text: note, match: "Fake model wiring check" }]);
  const preview = await senior.post(`/api/v1/ai-sessions/${id}/resolution-note/preview`, { data: {} });
  expect(preview.status()).toBe(200);
  expect(await preview.json()).toMatchObject({ markdown: `${note}\n`, ai_generated: true, from_cache: false });

  const recorded = await recordedModelRequests(request);
  expect(recorded).toHaveLength(1);
  const { headers } = recorded[0]!;
  // The SDK sends the key as x-api-key or as a bearer token, depending on its version.
  expect(`${headers["x-api-key"] ?? ""} ${headers.authorization ?? ""}`).toContain("e2e-fake-key");
  expect(promptOf(recorded[0]!)).toContain("Fake model wiring check");
});
