/**
 * The Anthropic provider against the fake Messages API (tests/fakes/anthropic.ts), through the real
 * SDK: request shape, cache breakpoints, cache telemetry, JSON handling, streaming, retries and
 * error mapping (J1, J2).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { z } from "zod";
import { DEFAULT_CAPABLE_MODEL, DEFAULT_CHEAP_MODEL } from "@/lib/ai/ai-config";
import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { ASSISTANT_SYSTEM_PROMPT } from "@/lib/ai/prompts/chat";
import type { AiProvider, ChatMessage, GenerateRequest } from "@/lib/ai/provider";
import { AppError } from "@/lib/errors";
import { startFakeAnthropic, type FakeAnthropic } from "@/tests/fakes/anthropic";

const AI_VARIABLES = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL_CAPABLE", "ANTHROPIC_MODEL_CHEAP", "ANTHROPIC_MODEL_CHAT"] as const;
const saved = Object.fromEntries(AI_VARIABLES.map((name) => [name, process.env[name]]));

let fake: FakeAnthropic;
let info: MockInstance<typeof console.info>;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});

afterAll(async () => {
  await fake.close();
  for (const name of AI_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

beforeEach(() => {
  for (const name of AI_VARIABLES) delete process.env[name];
  process.env.ANTHROPIC_API_KEY = "sk-ant-test-key";
  process.env.ANTHROPIC_BASE_URL = fake.url;
  fake.reset();
  info = vi.spyOn(console, "info").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

function provider(): AiProvider {
  const found = getAiProvider();
  if (!found) throw new Error("expected a provider with an API key set");
  return found;
}

/** The `anthropic.cache` lines logged so far, parsed. */
function cacheLines(): Record<string, unknown>[] {
  return info.mock.calls
    .map(([line]) => (typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as Record<string, unknown>) : null))
    .filter((line): line is Record<string, unknown> => line?.event === "anthropic.cache");
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const history: ChatMessage[] = [
  { role: "user", content: "First message from the engineer about the problem." },
  { role: "assistant", content: "First reply from the model with a few questions." },
  { role: "user", content: "The newest message." },
];

const request = (overrides: Partial<GenerateRequest> = {}): GenerateRequest => ({
  tier: "capable",
  system: [{ text: "You write short answers." }],
  messages: [{ role: "user", content: "Hello" }],
  purpose: "test_call",
  ...overrides,
});

describe("getAiProvider", () => {
  it("returns null without an API key, so callers use their deterministic fallback", () => {
    delete process.env.ANTHROPIC_API_KEY;
    expect(getAiProvider()).toBeNull();
    process.env.ANTHROPIC_API_KEY = "   ";
    expect(getAiProvider()).toBeNull();
  });

  it("reads the model per tier at call time", async () => {
    fake.enqueue({ text: "a" }, { text: "b" }, { text: "c" }, { text: "d" });
    await provider().generateText(request({ tier: "capable" }));
    await provider().generateText(request({ tier: "cheap" }));
    await provider().generateText(request({ tier: "chat" }));
    process.env.ANTHROPIC_MODEL_CHEAP = "claude-test-cheap";
    await provider().generateText(request({ tier: "cheap" }));
    expect(fake.requests.map((recorded) => recorded.body.model)).toEqual([
      DEFAULT_CAPABLE_MODEL,
      DEFAULT_CHEAP_MODEL,
      DEFAULT_CAPABLE_MODEL,
      "claude-test-cheap",
    ]);
    // SDK 1.x sends the key as a bearer token; older versions used x-api-key.
    const headers = fake.requests[0]?.headers ?? {};
    expect(`${headers["x-api-key"] ?? ""} ${headers.authorization ?? ""}`).toContain("sk-ant-test-key");
  });
});

describe("generateText", () => {
  it("sends structured system blocks and returns the text with usage", async () => {
    fake.enqueue({ text: "Hi there." });
    const result = await provider().generateText(request({ maxTokens: 300 }));
    expect(result.text).toBe("Hi there.");
    expect(result.usage).toMatchObject({ outputTokens: expect.any(Number), cacheReadInputTokens: 0, cacheCreationInputTokens: 0 });
    const body = fake.requests[0]?.body;
    expect(body?.max_tokens).toBe(300);
    expect(body?.system).toEqual([{ type: "text", text: "You write short answers." }]);
    expect(body?.messages).toEqual([{ role: "user", content: "Hello" }]);
  });

  it("marks cached system blocks and, with cacheHistory, the last message before the newest", async () => {
    fake.enqueue({ text: "ok" });
    await provider().generateText(
      request({ system: [{ text: ASSISTANT_SYSTEM_PROMPT, cache: true }, { text: "Per-session context." }], messages: history, cacheHistory: true }),
    );
    const body = fake.requests[0]?.body;
    expect(body?.system).toEqual([
      { type: "text", text: ASSISTANT_SYSTEM_PROMPT, cache_control: { type: "ephemeral" } },
      { type: "text", text: "Per-session context." },
    ]);
    expect(body?.messages).toEqual([
      { role: "user", content: history[0]?.content },
      { role: "assistant", content: [{ type: "text", text: history[1]?.content, cache_control: { type: "ephemeral" } }] },
      { role: "user", content: "The newest message." },
    ]);
  });

  it("leaves the history unmarked without cacheHistory and never spends more than four breakpoints", async () => {
    fake.enqueue({ text: "ok" }, { text: "ok" });
    const many = Array.from({ length: 6 }, (_, index) => ({ text: `Block ${index}`, cache: true }));
    await provider().generateText(request({ system: many, messages: history }));
    await provider().generateText(request({ system: many, messages: history, cacheHistory: true }));
    const breakpoints = fake.requests.map((recorded) => JSON.stringify(recorded.body).split('"cache_control"').length - 1);
    expect(breakpoints).toEqual([4, 4]);
    expect(JSON.stringify(fake.requests[0]?.body.messages)).not.toContain("cache_control");
    expect(JSON.stringify(fake.requests[1]?.body.messages)).toContain("cache_control");
  });

  it("reads the cache on the second identical call and logs the counts in one anthropic.cache line per call", async () => {
    fake.enqueue({ text: "one" }, { text: "two" });
    const call = request({ tier: "chat", purpose: "chat_turn", system: [{ text: ASSISTANT_SYSTEM_PROMPT, cache: true }], messages: history, cacheHistory: true });
    const first = await provider().generateText(call);
    const second = await provider().generateText(call);
    expect(first.usage.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(first.usage.cacheReadInputTokens).toBe(0);
    expect(second.usage.cacheReadInputTokens).toBeGreaterThan(0);
    expect(second.usage.cacheCreationInputTokens).toBe(0);
    expect(cacheLines()).toEqual([
      {
        event: "anthropic.cache",
        purpose: "chat_turn",
        model: DEFAULT_CAPABLE_MODEL,
        input_tokens: first.usage.inputTokens,
        output_tokens: first.usage.outputTokens,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: first.usage.cacheCreationInputTokens,
      },
      {
        event: "anthropic.cache",
        purpose: "chat_turn",
        model: DEFAULT_CAPABLE_MODEL,
        input_tokens: second.usage.inputTokens,
        output_tokens: second.usage.outputTokens,
        cache_read_input_tokens: second.usage.cacheReadInputTokens,
        cache_creation_input_tokens: 0,
      },
    ]);
  });

  it("keeps the cache per model, as the API does", async () => {
    fake.enqueue({ text: "one" }, { text: "two" });
    const call = request({ system: [{ text: ASSISTANT_SYSTEM_PROMPT, cache: true }] });
    await provider().generateText({ ...call, tier: "capable" });
    const other = await provider().generateText({ ...call, tier: "cheap" });
    expect(other.usage.cacheReadInputTokens).toBe(0);
    expect(other.usage.cacheCreationInputTokens).toBeGreaterThan(0);
  });

  it("still answers when the telemetry sink throws", async () => {
    info.mockImplementation(() => {
      throw new Error("log sink down");
    });
    fake.enqueue({ text: "still fine" });
    await expect(provider().generateText(request())).resolves.toMatchObject({ text: "still fine" });
  });
});

describe("generateJson", () => {
  const schema = z.object({ sections: z.array(z.string()), score: z.number() });

  it("asks for JSON only and validates the reply", async () => {
    fake.enqueue({ text: '{"sections": ["a", "b"], "score": 3}' });
    await expect(provider().generateJson({ ...request(), schema })).resolves.toEqual({ sections: ["a", "b"], score: 3 });
    const system = fake.requests[0]?.body.system as { text: string }[];
    expect(system.at(-1)?.text).toMatch(/exactly one JSON value/);
    expect(cacheLines()).toHaveLength(1);
  });

  it("strips code fences and stray prose around the JSON", async () => {
    fake.enqueue({ text: 'Here you go:\n```json\n{"sections": [], "score": 1}\n```' }, { text: 'Sure. {"sections": ["x"], "score": 2} Done.' });
    await expect(provider().generateJson({ ...request(), schema })).resolves.toEqual({ sections: [], score: 1 });
    await expect(provider().generateJson({ ...request(), schema })).resolves.toEqual({ sections: ["x"], score: 2 });
  });

  it("throws upstream on invalid JSON and on the wrong shape", async () => {
    fake.enqueue({ text: "{ not json" }, { text: '{"sections": "nope"}' });
    expect((await failure(provider().generateJson({ ...request(), schema }))).code).toBe("upstream");
    const wrongShape = await failure(provider().generateJson({ ...request(), schema }));
    expect(wrongShape.code).toBe("upstream");
    expect(wrongShape.message).toMatch(/expected shape/);
  });
});

describe("streamText", () => {
  it("delivers deltas in order, resolves with the whole text and logs the final usage", async () => {
    const text = "Streaming reply, delivered in many small pieces so the order can be checked.";
    fake.enqueue({ text, chunkSize: 5 });
    const deltas: string[] = [];
    const result = await provider().streamText(request({ system: [{ text: ASSISTANT_SYSTEM_PROMPT, cache: true }], purpose: "chat_turn" }), (delta) =>
      deltas.push(delta),
    );
    expect(deltas.length).toBe(Math.ceil(text.length / 5));
    expect(deltas.join("")).toBe(text);
    expect(result.text).toBe(text);
    expect(fake.requests[0]?.stream).toBe(true);
    expect(result.usage.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(cacheLines()).toEqual([expect.objectContaining({ purpose: "chat_turn", cache_creation_input_tokens: result.usage.cacheCreationInputTokens })]);

    fake.enqueue({ text });
    const again = await provider().streamText(request({ system: [{ text: ASSISTANT_SYSTEM_PROMPT, cache: true }], purpose: "chat_turn" }), () => {});
    expect(again.usage.cacheReadInputTokens).toBeGreaterThan(0);
    expect(cacheLines()[1]).toMatchObject({ cache_read_input_tokens: again.usage.cacheReadInputTokens, output_tokens: again.usage.outputTokens });
  });

  it("maps a failing stream to unavailable", async () => {
    fake.enqueue({ status: 529 }, { status: 529 }, { status: 529 });
    const error = await failure(provider().streamText(request(), () => {}));
    expect(error.code).toBe("unavailable");
  });
});

describe("retries and errors", () => {
  it("retries a 429 and then answers", async () => {
    fake.enqueue({ status: 429 }, { text: "after the rate limit" });
    await expect(provider().generateText(request())).resolves.toMatchObject({ text: "after the rate limit" });
    expect(fake.requests).toHaveLength(2);
  });

  it.each([529, 500] as const)("gives up on a persistent %i quickly with unavailable", async (status) => {
    fake.setResponder(() => ({ status }));
    const started = Date.now();
    const error = await failure(provider().generateText(request()));
    fake.setResponder(undefined);
    expect(error.code).toBe("unavailable");
    expect(error.message).not.toMatch(/api_error|overloaded_error/);
    expect(fake.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("maps a persistent rate limit to unavailable", async () => {
    fake.setResponder(() => ({ status: 429 }));
    const error = await failure(provider().generateText(request()));
    fake.setResponder(undefined);
    expect(error.code).toBe("unavailable");
    expect(error.message).toMatch(/rate-limiting/);
  });

  it.each([400, 401] as const)("maps %i to upstream without retrying", async (status) => {
    fake.enqueue({ status, message: "refused by the fake" });
    const error = await failure(provider().generateText(request()));
    expect(error.code).toBe("upstream");
    expect(fake.requests).toHaveLength(1);
  });

  it("maps an unreachable API to unavailable", async () => {
    process.env.ANTHROPIC_BASE_URL = "http://127.0.0.1:9";
    const error = await failure(provider().generateText(request()));
    expect(error.code).toBe("unavailable");
  });
});
