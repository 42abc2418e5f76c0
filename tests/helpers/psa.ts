import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { sealSecret } from "@/lib/psa/secret-box";
import { startConnectWiseSimulator, type ConnectWiseSimulator, type ConnectWiseSimulatorOptions, type SimCredentials } from "@/tests/fakes/connectwise/simulator";

let installed = 0;

/**
 * Starts a ConnectWise simulator for a test file (beforeAll) and closes it (afterAll); returns a
 * getter for use inside tests. Each install gets its own credentials (`…-sim1`, `…-sim2`) unless
 * `options.credentials` says otherwise, so two tenants' simulators refuse each other's keys.
 * Reset between tests is the test's choice: call `sim().reset()` where state must be fresh.
 */
export function installConnectWiseSimulator(options: ConnectWiseSimulatorOptions = {}): () => ConnectWiseSimulator {
  installed += 1;
  const suffix = `sim${installed}`;
  const credentials: Partial<SimCredentials> = {
    companyId: `msp_${suffix}`,
    publicKey: `PublicKey-${suffix}`,
    privateKey: `PrivateKey-${suffix}-c0ffee${installed}`,
    clientId: `00000000-0000-4000-8000-${String(installed).padStart(12, "0")}`,
    ...options.credentials,
  };
  let sim: ConnectWiseSimulator | undefined;
  beforeAll(async () => {
    sim = await startConnectWiseSimulator({ ...options, credentials });
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error("installConnectWiseSimulator(): the simulator starts in beforeAll; read it inside a test.");
    return sim;
  };
}

export type SimulatorConnectionOverrides = Partial<SimCredentials & { siteUrl: string; isActive: boolean }>;

/**
 * Creates (or replaces) the account's PsaConnection pointing at `sim`, keys sealed with
 * PSA_ENCRYPTION_KEY as the connection service stores them. `overrides` plant wrong or other
 * values (a bad private key, another site URL). Resolves with the row (secrets omitted).
 */
export async function connectAccountToSimulator(accountId: string, sim: Pick<ConnectWiseSimulator, "url" | "credentials">, overrides: SimulatorConnectionOverrides = {}) {
  const values = { siteUrl: sim.url, isActive: true, ...sim.credentials, ...overrides };
  const data = {
    provider: "connectwise" as const,
    siteUrl: values.siteUrl,
    companyId: values.companyId,
    clientId: values.clientId,
    publicKeyEncrypted: sealSecret(values.publicKey),
    privateKeyEncrypted: sealSecret(values.privateKey),
    isActive: values.isActive,
    lastTestedAt: null,
    lastTestOk: null,
    lastTestMessage: null,
  };
  return db.psaConnection.upsert({ where: { accountId }, create: { accountId, ...data }, update: data });
}
