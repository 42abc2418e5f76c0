import { afterAll, beforeAll } from "vitest";

type Closable = { close(): Promise<void> };

/**
 * Starts a fake external service for a test file and points the app's environment at it,
 * restoring the variables afterwards. Returns a getter for use inside tests.
 */
export function installFake<Fake extends Closable>(name: string, start: () => Promise<Fake>, variables: (fake: Fake) => Record<string, string>): () => Fake {
  let fake: Fake | undefined;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    fake = await start();
    for (const [key, value] of Object.entries(variables(fake))) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error(`${name}(): the fake starts in beforeAll; read it inside a test.`);
    return fake;
  };
}

/** Runs `body` with the environment variable `key` unset, then puts it back. */
export async function withoutVariable<T>(key: string, body: () => Promise<T>): Promise<T> {
  const value = process.env[key];
  delete process.env[key];
  try {
    return await body();
  } finally {
    if (value !== undefined) process.env[key] = value;
  }
}
