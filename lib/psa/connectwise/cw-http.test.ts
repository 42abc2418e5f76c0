import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { startScriptedServer, type ScriptedServer } from "@/lib/net/testing/scripted-server";
import type { PsaConnectionConfig } from "@/lib/psa/connection-config";
import type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
import { createCwHttp } from "@/lib/psa/connectwise/cw-http";
import { CW_ACCEPT } from "@/lib/psa/connectwise/cw-transport";
import { PsaError } from "@/lib/psa/psa-error";

const API = "/v4_6_release/apis/3.0";
let server: ScriptedServer;
let warn: MockInstance<typeof console.warn>;
const config = (): PsaConnectionConfig => ({
  provider: "connectwise",
  siteUrl: server.origin,
  companyId: "acme",
  publicKey: "PubKeyAbc123",
  privateKey: "PrivKeyXyz789",
  clientId: "0f1e2d3c-aaaa-bbbb-cccc-123456789abc",
});
const fast: ConnectWiseOptions = { allowHosts: ["127.0.0.1"], retry: { maxAttempts: 3, maxWaitMs: 2_000, baseDelayMs: 20 } };
const http = (options: ConnectWiseOptions = fast) => createCwHttp(config(), options);
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PsaError);

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe("ConnectWise request headers", () => {
  it("sends Basic company+public:private, the clientId and the versioned Accept header, exactly", async () => {
    server.answerNext({ status: 200, body: { version: "v2025.1.12345" } });
    const answer = await http().call<{ version: string }>({ method: "GET", path: "/system/info" });
    expect(answer.data.version).toBe("v2025.1.12345");
    const [request] = server.requests;
    expect(request!.url).toBe(`${API}/system/info`);
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from("acme+PubKeyAbc123:PrivKeyXyz789").toString("base64")}`);
    expect(request!.headers.clientid).toBe("0f1e2d3c-aaaa-bbbb-cccc-123456789abc");
    expect(request!.headers.accept).toBe("application/vnd.connectwise.com+json; version=2025.1");
    expect(CW_ACCEPT).toBe(request!.headers.accept);
    expect(request!.headers["content-type"]).toBeUndefined();
  });

  it("sends JSON bodies as application/json; charset=utf-8 and encodes the query like CW's docs", async () => {
    server.answerNext({ status: 201, body: { id: 1 } });
    await http().call({ method: "POST", path: "/service/tickets/5/notes", query: { conditions: `summary like "%a&b*'%"`, page: 2 }, body: { text: "Ünïcode ✓" } });
    const [request] = server.requests;
    expect(request!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request!.body)).toEqual({ text: "Ünïcode ✓" });
    expect(request!.url).toBe(`${API}/service/tickets/5/notes?conditions=summary%20like%20%22%25a%26b%2A%27%25%22&page=2`);
  });
});

describe("ConnectWise error mapping", () => {
  it("400 → invalid with CW's message and the nested errors' messages", async () => {
    server.answerNext({
      status: 400,
      body: { code: "InvalidObject", message: "ticket object is invalid", errors: [{ code: "NotFound", message: "Service Status 999 not found for Service Board 12", field: "status" }] },
    });
    const error = await failure(http().call({ method: "POST", path: "/service/tickets", body: {} }));
    expect(error).toBeInstanceOf(PsaError);
    expect(error).toMatchObject({ failure: "invalid", code: "invalid", psaStatus: 400 });
    expect(error!.message).toBe("ConnectWise refused the request: ticket object is invalid: Service Status 999 not found for Service Board 12");
  });

  it("401 → upstream saying to check the keys", async () => {
    server.answerNext({ status: 401, body: { code: "ConnectWiseApi", message: "UserNotAuthenticated" } });
    const error = await failure(http().call({ method: "GET", path: "/system/info" }));
    expect(error).toMatchObject({ failure: "upstream", psaStatus: 401 });
    expect(error!.message).toBe("ConnectWise refused the API keys (401 UserNotAuthenticated): check the company id, public and private key.");
  });

  it("403 → forbidden with CW's message and the permission area", async () => {
    server.answerNext({ status: 403, body: { code: "Forbidden", message: "You do not have access to this resource." } });
    const error = await failure(http().call({ method: "GET", path: "/service/tickets", subject: { permission: "Service Desk › Service Tickets (Inquire)" } }));
    expect(error).toMatchObject({ failure: "forbidden", code: "forbidden", psaStatus: 403 });
    expect(error!.message).toBe(
      "ConnectWise denied access (403): You do not have access to this resource; the API member's security role may lack Service Desk › Service Tickets (Inquire).",
    );
  });

  it("404 → not_found keeping CW's words", async () => {
    server.answerNext({ status: 404, body: { code: "NotFound", message: "Ticket 123 not found" } });
    const error = await failure(http().call({ method: "GET", path: "/service/tickets/123", subject: { what: "Ticket 123" } }));
    expect(error).toMatchObject({ failure: "not_found", code: "not_found", psaStatus: 404, message: "ConnectWise: Ticket 123 not found" });
    server.answerNext({ status: 404, body: "" });
    const bare = await failure(http().call({ method: "GET", path: "/service/tickets/124", subject: { what: "Ticket 124" } }));
    expect(bare!.message).toBe("ConnectWise: Ticket 124 not found");
  });

  it("429 after the retries → upstream saying when to try again (CW's body says `error`, not `code`)", async () => {
    const limited = { status: 429, headers: { "retry-after": "0" }, body: { error: "ConnectWiseAPI", message: "Too many requests. Please try again in 30 seconds." } };
    server.answerNext(limited, limited, limited);
    const error = await failure(http().call({ method: "GET", path: "/service/boards" }));
    expect(error).toMatchObject({ failure: "upstream", psaStatus: 429 });
    expect(error!.message).toMatch(/^ConnectWise is rate-limiting FlowPilot \(429\): Too many requests\. Please try again in 30 seconds\. Try again in a moment\.$/);
    expect(server.requests).toHaveLength(3);
  });

  it("5xx → upstream with CW's message", async () => {
    server.setDefault({ status: 500, body: { code: "UnexpectedError", message: "An unexpected error has occurred." } });
    const error = await failure(http().call({ method: "GET", path: "/service/boards" }));
    expect(error).toMatchObject({ failure: "upstream", code: "upstream", psaStatus: 500, message: "ConnectWise answered 500: An unexpected error has occurred." });
  });

  it("a timeout → upstream, within the bounded time", async () => {
    server.answerNext({ status: 200, body: [], delayMs: 2_000 });
    const started = Date.now();
    const error = await failure(http({ ...fast, timeoutMs: 200 }).call({ method: "GET", path: "/service/boards" }));
    expect(error).toMatchObject({ failure: "upstream", message: "ConnectWise did not answer within 200 ms." });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("a network failure → upstream saying it could not reach the site", async () => {
    const closed = await startScriptedServer();
    await closed.close();
    const error = await failure(createCwHttp({ ...config(), siteUrl: closed.origin }, fast).call({ method: "GET", path: "/system/info" }));
    expect(error).toMatchObject({ failure: "upstream" });
    expect(error!.message).toMatch(/^Could not reach ConnectWise at 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it("a 2xx that isn't JSON → upstream", async () => {
    server.answerNext({ status: 200, body: "<html>login</html>", headers: { "content-type": "text/html" } });
    await expect(http().call({ method: "GET", path: "/system/info" })).rejects.toMatchObject({ failure: "upstream", message: expect.stringMatching(/isn't JSON/) });
  });

  it("keeps the keys out of error messages and log lines, even when the answer echoes them", async () => {
    server.answerNext({ status: 400, body: { code: "InvalidObject", message: "bad key PrivKeyXyz789 for PubKeyAbc123" } });
    const error = await failure(http().call({ method: "POST", path: "/service/tickets", body: {} }));
    expect(error!.message).toBe("ConnectWise refused the request: bad key [redacted] for [redacted]");
    const logged = warn.mock.calls.map((call) => String(call[0])).join("\n");
    expect(logged).not.toMatch(/PrivKeyXyz789|PubKeyAbc123|Basic /);
  });

  it("logs one psa.request_failed line per failed attempt with method, path, status and attempt", async () => {
    server.answerNext({ status: 503, body: {} }, { status: 200, body: [] });
    await http().call({ method: "GET", path: "/service/boards", query: { conditions: 'name = "x"' } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toMatchObject({
      event: "psa.request_failed",
      provider: "connectwise",
      method: "GET",
      path: "/service/boards",
      status: 503,
      attempt: 1,
      retrying: true,
    });
  });
});

describe("ConnectWise retries", () => {
  it("honours Retry-After (seconds) on a 429, then succeeds", async () => {
    server.answerNext({ status: 429, headers: { "retry-after": "1" }, body: { error: "ConnectWiseAPI", message: "Too many requests." } }, { status: 200, body: [{ id: 1 }] });
    const answer = await http().call<unknown[]>({ method: "GET", path: "/service/boards" });
    expect(answer.data).toEqual([{ id: 1 }]);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const inOneSecond = new Date(Date.now() + 1_500).toUTCString();
    server.answerNext({ status: 429, headers: { "retry-after": inOneSecond } }, { status: 200, body: [] });
    await http().call({ method: "GET", path: "/service/boards" });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(400);
  });

  it("fails at once, saying when to retry, when Retry-After is past the ceiling", async () => {
    server.answerNext({ status: 429, headers: { "retry-after": "120" }, body: { error: "ConnectWiseAPI", message: "Too many requests." } });
    const error = await failure(http().call({ method: "GET", path: "/service/boards" }));
    expect(error!.message).toBe("ConnectWise is rate-limiting FlowPilot (429): Too many requests. Try again in 120 s.");
    expect(server.requests).toHaveLength(1);
  });

  it("retries a read on 5xx with backoff, up to the attempt cap", async () => {
    server.setDefault({ status: 502, body: {} });
    await expect(http().call({ method: "GET", path: "/service/boards" })).rejects.toMatchObject({ psaStatus: 502 });
    expect(server.requests).toHaveLength(3);
    server.reset();
    server.answerNext({ status: 500, body: {} }, { status: 200, body: [] });
    await expect(http().call({ method: "GET", path: "/service/boards" })).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(2);
  });

  it("retries POST …/search like a read", async () => {
    server.answerNext({ status: 503, body: {} }, { status: 200, body: [] });
    await http().call({ method: "POST", path: "/service/tickets/search", body: { conditions: "id = 1" }, read: true });
    expect(server.requests.map((request) => request.method)).toEqual(["POST", "POST"]);
  });

  it.each(["POST", "PATCH", "DELETE"] as const)("never retries a %s, on 500 or 429", async (method) => {
    server.setDefault({ status: 500, body: { message: "boom" } });
    await expect(http().call({ method, path: "/service/tickets/1", body: method === "DELETE" ? undefined : {} })).rejects.toMatchObject({ psaStatus: 500 });
    server.setDefault({ status: 429, headers: { "retry-after": "0" }, body: {} });
    await expect(http().call({ method, path: "/service/tickets/1", body: method === "DELETE" ? undefined : {} })).rejects.toMatchObject({ psaStatus: 429 });
    expect(server.requests).toHaveLength(2);
  });
});
