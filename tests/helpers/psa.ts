import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db";
import { sealSecret } from "@/lib/crypto/secret-box";
import { startConnectWiseSimulator, type ConnectWiseSimulator, type ConnectWiseSimulatorOptions, type SimCredentials } from "@/tests/fakes/connectwise/simulator";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

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

/** Creates a tenant (see createTenant) whose account is connected to `sim`. */
export async function createConnectedTenant(name: string, sim: Pick<ConnectWiseSimulator, "url" | "credentials">): Promise<TestTenant> {
  const tenant = await createTenant(name);
  await connectAccountToSimulator(tenant.accountId, sim);
  return tenant;
}

/** What Settings → PSA sends to save a connection to `sim`, with `overrides` on top. */
export function connectionBodyFor(sim: Pick<ConnectWiseSimulator, "url" | "credentials">, overrides: Record<string, unknown> = {}) {
  const { url, credentials } = sim;
  return {
    provider: "connectwise",
    site_url: url,
    company_id: credentials.companyId,
    public_key: credentials.publicKey,
    private_key: credentials.privateKey,
    client_id: credentials.clientId,
    ...overrides,
  };
}

export type InstallPsaTenantsOptions = {
  /** Names the tenants `${name} A`, `${name} B` and `${name} none`. */
  name: string;
  /** Also a tenant B, connected to a second simulator with other keys. */
  withB?: boolean;
  /** Make the tenants again before each test, after the reset (the default: once per file). */
  freshEachTest?: boolean;
  /** Reset every simulator started here before each test (the default), or leave them as they are. */
  resetEachTest?: boolean;
};

export type PsaTenants = {
  /** Tenant A's simulator. */
  sim: () => ConnectWiseSimulator;
  /** Tenant B's simulator (`withB` only). */
  simB: () => ConnectWiseSimulator;
  a: () => TestTenant;
  /** `withB` only. */
  b: () => TestTenant;
  /** A tenant without a PSA connection. */
  unconnected: () => TestTenant;
};

/**
 * The PSA test file's usual world: a simulator, tenant A connected to it, with `withB` tenant B
 * connected to a simulator of its own, and an unconnected tenant, made once per file (or before
 * each test with `freshEachTest`); every simulator reset before each test unless
 * `resetEachTest: false`. Returns getters to read inside tests and hooks (hooks a file adds run
 * after these).
 */
export function installPsaTenants(options: InstallPsaTenantsOptions): PsaTenants {
  const sim = installConnectWiseSimulator();
  const simB = options.withB ? installConnectWiseSimulator() : undefined;
  let tenants: { a: TestTenant; b?: TestTenant; unconnected: TestTenant } | undefined;
  if (options.resetEachTest ?? true) {
    beforeEach(() => {
      sim().reset();
      simB?.().reset();
    });
  }
  const makeTenants = async () => {
    tenants = {
      a: await createConnectedTenant(`${options.name} A`, sim()),
      b: simB ? await createConnectedTenant(`${options.name} B`, simB()) : undefined,
      unconnected: await createTenant(`${options.name} none`),
    };
  };
  if (options.freshEachTest) beforeEach(makeTenants);
  else beforeAll(makeTenants);
  const read = <T>(what: string, pick: (all: NonNullable<typeof tenants>) => T | undefined): T => {
    if (!tenants) throw new Error(`installPsaTenants(): the tenants are made in a before hook; read ${what} inside a test.`);
    const value = pick(tenants);
    if (value === undefined) throw new Error(`installPsaTenants(): ${what} needs { withB: true }.`);
    return value;
  };
  return {
    sim,
    simB: () => {
      if (!simB) throw new Error("installPsaTenants(): simB needs { withB: true }.");
      return simB();
    },
    a: () => read("a", (all) => all.a),
    b: () => read("b", (all) => all.b),
    unconnected: () => read("unconnected", (all) => all.unconnected),
  };
}
