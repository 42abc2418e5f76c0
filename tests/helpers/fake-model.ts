import { startFakeAnthropic, type FakeAnthropic } from "@/tests/fakes/anthropic";
import { installFake, withoutVariable } from "@/tests/helpers/install-fake";

/**
 * Points the AI provider at a fake Messages API for this test file (the provider reads the env at
 * call time). Returns a getter for the fake; the env is restored and the fake closed afterwards.
 */
export function installFakeModel(): () => FakeAnthropic {
  return installFake("installFakeModel", () => startFakeAnthropic(), (fake) => ({ ANTHROPIC_API_KEY: "test-key-for-the-fake", ANTHROPIC_BASE_URL: fake.url }));
}

/** Runs `body` with no AI key configured, as a deployment without AI would (E6). */
export function withoutModel<T>(body: () => Promise<T>): Promise<T> {
  return withoutVariable("ANTHROPIC_API_KEY", body);
}
