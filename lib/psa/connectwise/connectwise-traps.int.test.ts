import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { installConnectWiseSimulator } from "@/tests/helpers/psa";
import { SIM_TICKETS, type ConnectWiseSimulator } from "@/tests/fakes/connectwise/simulator";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { createConnectWiseProvider } = await import("@/lib/psa/connectwise/connectwise-provider");
type Options = Parameters<typeof createConnectWiseProvider>[1];

const sim = installConnectWiseSimulator();
const otherTenantSim = installConnectWiseSimulator();
const configOf = (target: ConnectWiseSimulator) => ({ provider: "connectwise" as const, siteUrl: target.url, ...target.credentials });
const provider = (overrides: Partial<ReturnType<typeof configOf>> = {}, options: Options = {}) =>
  createConnectWiseProvider({ ...configOf(sim()), ...overrides }, { retry: { baseDelayMs: 10, maxWaitMs: 3_000 }, ...options });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as Error & { failure: string; psaStatus?: number });
const OUTLOOK = SIM_TICKETS.outlookPasswordPrompts;
const apiCalls = (method?: string) => sim().requests.filter((request) => !method || request.method === method);

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  sim().reset();
  otherTenantSim().reset();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe("lists the key may not read (G5)", () => {
  it.each([
    ["boards", (cw: ReturnType<typeof provider>) => cw.listBoards(), "Service Boards"],
    ["statuses", (cw: ReturnType<typeof provider>) => cw.listBoardStatuses("1"), "Service Board Statuses"],
    ["priorities", (cw: ReturnType<typeof provider>) => cw.listPriorities(), "Priorities"],
    ["members", (cw: ReturnType<typeof provider>) => cw.listMembers(), "Members"],
    ["companies", (cw: ReturnType<typeof provider>) => cw.listCompanies(), "Companies"],
    ["tickets", (cw: ReturnType<typeof provider>) => cw.searchTickets({}), "Service Tickets"],
    ["notes", (cw: ReturnType<typeof provider>) => cw.listNotes(String(OUTLOOK)), "Service Ticket Notes"],
  ] as const)("%s → PsaError forbidden with CW's message and the permission area", async (list, read, words) => {
    sim().setTraps({ forbiddenLists: [list] });
    const error = await failure(read(provider()));
    expect(error).toMatchObject({ failure: "forbidden", psaStatus: 403 });
    expect(error!.message).toContain(`You do not have permission to inquire on ${words}`);
    expect(error!.message).toMatch(/the API member's security role may lack .+\.$/);
    expect(apiCalls()).toHaveLength(1);
  });
});

describe("rate limits and server errors", () => {
  it("waits out a 429's Retry-After on a read, then succeeds", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(provider().listBoards()).resolves.toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(apiCalls()).toHaveLength(2);
  });

  it("fails at once with the wait when Retry-After is past the ceiling", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 30 } });
    const error = await failure(provider().getTicket(String(OUTLOOK)));
    expect(error).toMatchObject({ failure: "upstream", psaStatus: 429, message: "ConnectWise is rate-limiting FlowPilot (429): Too many requests. Please try again in 30 seconds. Try again in 30 s." });
    expect(apiCalls()).toHaveLength(1);
  });

  it("retries a read after a 500, then succeeds", async () => {
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    await expect(provider().getTicket(String(OUTLOOK))).resolves.toMatchObject({ id: String(OUTLOOK) });
    expect(apiCalls("GET")).toHaveLength(2);
  });

  it("gives up on a read after three 503s with CW's message", async () => {
    sim().setTraps({ failNext: { count: 3, status: 503 } });
    expect(await failure(provider().listMembers())).toMatchObject({ failure: "upstream", psaStatus: 503, message: "ConnectWise answered 503: The service is temporarily unavailable." });
    expect(apiCalls()).toHaveLength(3);
  });

  it("never retries a write on 500: the note is posted at most once", async () => {
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const before = sim().notes(OUTLOOK).length;
    expect(await failure(provider().addNote(String(OUTLOOK), { kind: "resolution", text: "Fixed." }))).toMatchObject({ failure: "upstream", psaStatus: 500 });
    expect(apiCalls("POST")).toHaveLength(1);
    expect(sim().notes(OUTLOOK)).toHaveLength(before);
  });

  it("never retries a status PATCH on 429", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 0 } });
    expect(await failure(provider().setTicketStatus(String(OUTLOOK), "104"))).toMatchObject({ psaStatus: 429 });
    expect(apiCalls()).toHaveLength(1);
  });

  it("times out a slow answer within the bounded time", async () => {
    sim().setTraps({ delayMs: 1_000 });
    const started = Date.now();
    expect(await failure(provider({}, { timeoutMs: 200 }).listBoards())).toMatchObject({ failure: "upstream", message: "ConnectWise did not answer within 200 ms." });
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe("authentication", () => {
  it("sends exactly the config's credentials in the Authorization and clientId headers", async () => {
    await provider().getTicket(String(OUTLOOK));
    const { companyId, publicKey, privateKey, clientId } = sim().credentials;
    const [request] = apiCalls();
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString("base64")}`);
    expect(request!.headers.clientid).toBe(clientId);
    expect(request!.headers.accept).toBe("application/vnd.connectwise.com+json; version=2025.1");
  });

  it("maps a missing clientId's 403 to forbidden with CW's explanation", async () => {
    const error = await failure(provider({ clientId: "" }).listBoards());
    expect(error).toMatchObject({ failure: "forbidden", psaStatus: 403 });
    expect(error!.message).toContain("A clientId header is required for all API requests");
  });

  it("maps wrong keys to upstream saying which fields to check", async () => {
    const error = await failure(provider({ privateKey: "not-the-key" }).testConnection());
    expect(error).toMatchObject({ failure: "upstream", psaStatus: 401 });
    expect(error!.message).toMatch(/^ConnectWise refused the API keys \(401 .+\): check the company id, public and private key\.$/);
  });

  it("tests the connection with the version ConnectWise reports", async () => {
    const { message } = await provider().testConnection();
    expect(message).toBe(`ConnectWise v2025.1.10346 answered at ${new URL(sim().url).host}; the API keys can read service boards.`);
  });

  it("uses one tenant's credentials only on that tenant's site", async () => {
    const mine = provider();
    const theirs = createConnectWiseProvider(configOf(otherTenantSim()), {});
    await mine.getTicket(String(OUTLOOK));
    await theirs.getTicket(String(OUTLOOK));
    const authOf = (target: ConnectWiseSimulator) => target.requests.map((request) => request.headers.authorization);
    const basic = (target: ConnectWiseSimulator) => `Basic ${Buffer.from(`${target.credentials.companyId}+${target.credentials.publicKey}:${target.credentials.privateKey}`).toString("base64")}`;
    expect(authOf(sim())).toEqual([basic(sim())]);
    expect(authOf(otherTenantSim())).toEqual([basic(otherTenantSim())]);
    // A provider pointed at the other site with this tenant's keys is refused there.
    expect(await failure(createConnectWiseProvider({ ...configOf(sim()), siteUrl: otherTenantSim().url }).getTicket(String(OUTLOOK)))).toMatchObject({ psaStatus: 401 });
  });
});

describe("secrets", () => {
  it("never appear in error messages or log lines", async () => {
    const { publicKey, privateKey } = sim().credentials;
    const errors: string[] = [];
    const collect = async (promise: Promise<unknown>) => {
      const error = await failure(promise);
      if (error) errors.push(error.message);
    };
    sim().setTraps({ forbiddenLists: ["boards"], failNext: { count: 3, status: 500 } });
    await collect(provider().listMembers());
    await collect(provider().listBoards());
    await collect(provider({ privateKey: `${privateKey}x` }).getTicket(String(OUTLOOK)));
    await collect(provider({ clientId: "" }).getTicket(String(OUTLOOK)));
    await collect(provider().getTicket("1"));
    sim().setTraps({ delayMs: 500 });
    await collect(provider({}, { timeoutMs: 100 }).getTicket(String(OUTLOOK)));
    expect(errors).toHaveLength(6);
    const logged = warn.mock.calls.map((call) => call.map(String).join(" "));
    expect(logged.length).toBeGreaterThanOrEqual(6);
    const token = Buffer.from(`${sim().credentials.companyId}+${publicKey}:${privateKey}`).toString("base64");
    for (const text of [...errors, ...logged]) {
      expect(text).not.toContain(privateKey);
      expect(text).not.toContain(publicKey);
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/Basic /);
    }
  });
});
