import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { connectAccountToSimulator, connectionBodyFor, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { createTenant } from "@/tests/helpers/tenant";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const connectionRoute = await import("@/app/api/v1/psa/connection/route");
const testRoute = await import("@/app/api/v1/psa/connection/test/route");

/**
 * The secrets-never-leak check for the connection: everything the process writes to the console
 * (our logs, the ConnectWise client's, the route wrapper's) and every response body during save,
 * read, test, refusals and failures is captured and grepped for the keys.
 */

const sim = installConnectWiseSimulator();
const WRONG_PRIVATE_KEY = "WrongPrivateKey-7e1d42";

const logged: string[] = [];
const bodies: string[] = [];
const methods = ["log", "info", "warn", "error", "debug"] as const;

beforeAll(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

async function call(...args: Parameters<typeof callRoute>): Promise<{ status: number; body: string }> {
  const response = await callRoute(...args);
  const body = await response.text();
  bodies.push(body);
  return { status: response.status, body };
}

describe("PSA keys in logs and responses", () => {
  it("never appear, whatever happens to the connection", async () => {
    const tenant = await createTenant("PSA secrets");
    const as = tenant.owner.id;
    const { credentials } = sim();
    const body = connectionBodyFor(sim());

    // Refused input that carries the keys: a bad site, a key too short, a body that is not JSON.
    expect((await call(connectionRoute.PUT, "PUT", { as, body: { ...body, site_url: "http://169.254.169.254" } })).status).toBe(422);
    expect((await call(connectionRoute.PUT, "PUT", { as, body: { ...body, public_key: "short" } })).status).toBe(422);
    expect((await call(connectionRoute.PUT, "PUT", { as, body: `{"private_key":"${credentials.privateKey}",` })).status).toBe(422);
    expect((await call(connectionRoute.PUT, "PUT", { as: tenant.engineer.id, body })).status).toBe(403);

    // Saved, read, tested: all fine.
    expect((await call(connectionRoute.PUT, "PUT", { as, body })).status).toBe(200);
    expect((await call(connectionRoute.GET, "GET", { as })).status).toBe(200);
    const ok = await call(testRoute.POST, "POST", { as });
    expect(JSON.parse(ok.body).connection.last_test_ok).toBe(true);

    // Failures: refused keys, a key without permission for boards, an outage.
    await connectAccountToSimulator(tenant.accountId, sim(), { privateKey: WRONG_PRIVATE_KEY });
    expect(JSON.parse((await call(testRoute.POST, "POST", { as })).body).connection.last_test_ok).toBe(false);
    await connectAccountToSimulator(tenant.accountId, sim());
    try {
      sim().setTraps({ forbiddenLists: ["boards"] });
      expect(JSON.parse((await call(testRoute.POST, "POST", { as })).body).connection.last_test_ok).toBe(false);
      sim().setTraps({ forbiddenLists: [], failNext: { count: 5, status: 500 } });
      expect(JSON.parse((await call(testRoute.POST, "POST", { as })).body).connection.last_test_ok).toBe(false);
    } finally {
      sim().resetTraps();
    }
    // A save with one key kept, then a disconnect.
    expect((await call(connectionRoute.PUT, "PUT", { as, body: { ...body, public_key: "" } })).status).toBe(200);
    expect((await call(connectionRoute.DELETE, "DELETE", { as })).status).toBe(200);

    // The capture worked: the failures were logged, with ConnectWise's words.
    const output = logged.join("\n");
    expect(output).toContain("psa.connection_saved");
    expect(output).toContain("psa.connection_test_failed");
    expect(output).toContain("ConnectWise refused the API keys (401");

    const basicAuth = (privateKey: string) => Buffer.from(`${credentials.companyId}+${credentials.publicKey}:${privateKey}`).toString("base64");
    for (const secret of [credentials.privateKey, credentials.publicKey, WRONG_PRIVATE_KEY, basicAuth(credentials.privateKey), basicAuth(WRONG_PRIVATE_KEY)]) {
      expect(output).not.toContain(secret);
      for (const responseBody of bodies) expect(responseBody).not.toContain(secret);
    }
  });
});
