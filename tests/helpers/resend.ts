import { FAKE_RESEND_KEY, startFakeResend, type FakeResend } from "@/tests/fakes/resend-server";
import { installFake, withoutVariable } from "@/tests/helpers/install-fake";

/**
 * Points email at a fake Resend for this test file (the sender reads the env at call time, and the
 * Resend SDK reads RESEND_BASE_URL itself). Returns a getter for the fake; the env is restored and
 * the fake closed afterwards.
 */
export function installFakeResend(): () => FakeResend {
  return installFake("installFakeResend", () => startFakeResend(), (fake) => ({ RESEND_API_KEY: FAKE_RESEND_KEY, RESEND_BASE_URL: fake.url }));
}

/** Runs `body` with no Resend key, as a development setup would: mail stays in the dev mailbox. */
export function withDevMailbox<T>(body: () => Promise<T>): Promise<T> {
  return withoutVariable("RESEND_API_KEY", body);
}
