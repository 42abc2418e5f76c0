import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LookupAll } from "@/lib/net/resolve-address";
import { startScriptedServer, TEST_TLS, type ScriptedServer } from "@/lib/net/testing/scripted-server";
import type { PsaConnectionConfig } from "@/lib/psa/connection-config";
import { createConnectWiseProvider } from "@/lib/psa/connectwise/connectwise-provider";
import { PsaError } from "@/lib/psa/psa-error";

// The local servers are on loopback over http; OUTBOUND_ALLOW_HOSTS is the test-only escape hatch.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const keys = { companyId: "acme", publicKey: "PubKeyAbc123", privateKey: "PrivKeyXyz789", clientId: "client-1" };
const configFor = (siteUrl: string): PsaConnectionConfig => ({ provider: "connectwise", siteUrl, ...keys });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PsaError);
const answering =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("ConnectWise site: SSRF refusals", () => {
  it.each([
    ["loopback", "https://127.0.0.1"],
    ["loopback with the simulator's port", "http://127.0.0.1:4010"],
    ["localhost", "https://localhost"],
    ["cloud metadata", "https://169.254.169.254"],
    ["10/8", "https://10.0.0.5"],
    ["172.16/12", "https://172.16.8.1"],
    ["192.168/16", "https://192.168.1.1"],
    ["IPv6 loopback", "https://[::1]"],
    ["IPv6 link-local", "https://[fe80::1]"],
    ["IPv4-mapped loopback", "https://[::ffff:127.0.0.1]"],
  ])("refuses %s (%s) before connecting", async (_name, siteUrl) => {
    const lookup = vi.fn(answering("127.0.0.1"));
    const provider = createConnectWiseProvider(configFor(siteUrl), { allowHosts: [], lookup });
    const error = await failure(provider.getTicket("1"));
    expect(error).toBeInstanceOf(PsaError);
    expect(error).toMatchObject({ failure: "invalid" });
    expect(error!.message).toMatch(/^The ConnectWise site URL is refused: /);
    expect(lookup).not.toHaveBeenCalled();
  });

  it.each([
    ["a private address", "10.1.2.3"],
    ["loopback", "127.0.0.1"],
    ["the metadata address", "169.254.169.254"],
    ["an IPv4-mapped loopback", "::ffff:127.0.0.1"],
    ["one private among public ones", "52.1.2.3,192.168.0.7"],
  ])("refuses a DNS name that resolves to %s", async (_name, answer) => {
    const provider = createConnectWiseProvider(configFor("https://cw.example-msp.com"), { allowHosts: [], lookup: answering(...answer.split(",")) });
    const error = await failure(provider.listBoards());
    expect(error).toMatchObject({ failure: "upstream" });
    expect(error!.message).toMatch(/^Refused to connect to ConnectWise: cw\.example-msp\.com resolves to .*, a private or reserved address; FlowPilot only connects to public addresses\.$/);
  });

  it("refuses a redirect instead of following it", async () => {
    server.answerNext({ status: 302, headers: { location: "https://169.254.169.254/latest/meta-data" } });
    const provider = createConnectWiseProvider(configFor(server.origin));
    const error = await failure(provider.getTicket("48233"));
    expect(error).toMatchObject({ failure: "upstream", psaStatus: 302 });
    expect(error!.message).toMatch(/^ConnectWise answered 302 with a redirect to https:\/\/169\.254\.169\.254, which is never followed; check the site URL/);
    expect(server.requests).toHaveLength(1);
  });

  it("resolves the site once per provider and pins that address for every call", async () => {
    const lookup = vi.fn(answering("127.0.0.1"));
    server.setDefault({ status: 200, body: [] });
    const provider = createConnectWiseProvider(configFor(`http://cw-sim.test:${server.port}`), { allowHosts: ["cw-sim.test"], lookup });
    await provider.listBoards();
    await provider.listPriorities();
    await provider.listMembers();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(server.requests.map((request) => request.headers.host)).toEqual(Array(3).fill(`cw-sim.test:${server.port}`));
  });

  it("speaks https with the site's name for SNI and the certificate check", async () => {
    const secure = await startScriptedServer({ tls: true });
    try {
      secure.answerNext({ status: 200, body: { version: "v2025.1.99" } }, { status: 200, body: [{ id: 1 }] });
      const provider = createConnectWiseProvider(configFor(`https://cw.test:${secure.port}`), { allowHosts: ["cw.test"], lookup: answering("127.0.0.1"), ca: TEST_TLS.cert });
      await expect(provider.testConnection()).resolves.toEqual({ message: `ConnectWise v2025.1.99 answered at cw.test:${secure.port}; the API keys can read service boards.` });
      expect(secure.requests.map((request) => request.servername)).toEqual(["cw.test", "cw.test"]);
      const untrusted = createConnectWiseProvider(configFor(`https://cw.test:${secure.port}`), { allowHosts: ["cw.test"], lookup: answering("127.0.0.1") });
      await expect(untrusted.testConnection()).rejects.toMatchObject({ failure: "upstream", message: expect.stringMatching(/^Could not reach ConnectWise at cw\.test:\d+: /) });
    } finally {
      await secure.close();
    }
  });
});
