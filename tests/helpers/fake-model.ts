import { afterAll, beforeAll } from "vitest";
import { startFakeAnthropic, type FakeAnthropic } from "@/tests/fakes/anthropic";

const AI_VARIABLES = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"] as const;

/**
 * Points the AI provider at a fake Messages API for this test file (the provider reads the env at
 * call time). Returns a getter for the fake; the env is restored and the fake closed afterwards.
 */
export function installFakeModel(): () => FakeAnthropic {
  let fake: FakeAnthropic | undefined;
  const saved: Partial<Record<(typeof AI_VARIABLES)[number], string>> = {};
  beforeAll(async () => {
    fake = await startFakeAnthropic();
    for (const name of AI_VARIABLES) saved[name] = process.env[name];
    process.env.ANTHROPIC_API_KEY = "test-key-for-the-fake";
    process.env.ANTHROPIC_BASE_URL = fake.url;
  });
  afterAll(async () => {
    for (const name of AI_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("installFakeModel(): the fake starts in beforeAll; read it inside a test.");
    return fake;
  };
}

/** Runs `body` with no AI key configured, as a deployment without AI would (E6). */
export async function withoutModel<T>(body: () => Promise<T>): Promise<T> {
  const key = process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_API_KEY;
  try {
    return await body();
  } finally {
    if (key !== undefined) process.env.ANTHROPIC_API_KEY = key;
  }
}
