import { afterAll, beforeAll } from "vitest";
import { FAKE_RESEND_KEY, startFakeResend, type FakeResend } from "@/tests/fakes/resend-server";

const MAIL_VARIABLES = ["RESEND_API_KEY", "RESEND_BASE_URL"] as const;

/**
 * Points email at a fake Resend for this test file (the sender reads the env at call time, and the
 * Resend SDK reads RESEND_BASE_URL itself). Returns a getter for the fake; the env is restored and
 * the fake closed afterwards.
 */
export function installFakeResend(): () => FakeResend {
  let fake: FakeResend | undefined;
  const saved: Partial<Record<(typeof MAIL_VARIABLES)[number], string>> = {};
  beforeAll(async () => {
    fake = await startFakeResend();
    for (const name of MAIL_VARIABLES) saved[name] = process.env[name];
    process.env.RESEND_API_KEY = FAKE_RESEND_KEY;
    process.env.RESEND_BASE_URL = fake.url;
  });
  afterAll(async () => {
    for (const name of MAIL_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("installFakeResend(): the fake starts in beforeAll; read it inside a test.");
    return fake;
  };
}

/** Runs `body` with no Resend key, as a development setup would: mail stays in the dev mailbox. */
export async function withDevMailbox<T>(body: () => Promise<T>): Promise<T> {
  const key = process.env.RESEND_API_KEY;
  delete process.env.RESEND_API_KEY;
  try {
    return await body();
  } finally {
    if (key !== undefined) process.env.RESEND_API_KEY = key;
  }
}
