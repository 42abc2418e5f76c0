import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { basicAuth, callSim } from "./sim-client";
import { DEMO_SIMULATOR_CREDENTIALS, SIM_TICKETS, startConnectWiseSimulator, type ConnectWiseSimulator } from "./simulator";

let sim: ConnectWiseSimulator;
beforeAll(async () => {
  sim = await startConnectWiseSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const ticketPath = `/service/tickets/${SIM_TICKETS.outlookPasswordPrompts}`;

describe("authentication", () => {
  it("uses the fixed demo credentials by default and answers with CW's headers", async () => {
    expect(sim.credentials).toEqual(DEMO_SIMULATOR_CREDENTIALS);
    const response = await callSim(sim, "GET", ticketPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("api-current-version")).toBe("2025.1");
    expect(response.headers.get("x-cw-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.id).toBe(SIM_TICKETS.outlookPasswordPrompts);
  });

  it("answers 401 Unauthorized for missing, malformed or wrong credentials", async () => {
    const { companyId, publicKey, privateKey } = sim.credentials;
    for (const auth of [null, "Bearer abc", basicAuth(companyId, publicKey, "wrong"), basicAuth("other", publicKey, privateKey), `Basic ${Buffer.from(`${publicKey}:${privateKey}`).toString("base64")}`]) {
      const response = await callSim(sim, "GET", ticketPath, { auth });
      expect(response.status, String(auth)).toBe(401);
      expect(response.body).toMatchObject({ code: "Unauthorized", message: expect.stringContaining("Authorization has been denied") });
    }
    // The company id is case-insensitive, the keys are not.
    expect((await callSim(sim, "GET", ticketPath, { auth: basicAuth(companyId.toUpperCase(), publicKey, privateKey) })).status).toBe(200);
    expect((await callSim(sim, "GET", ticketPath, { auth: basicAuth(companyId, publicKey.toLowerCase(), privateKey) })).status).toBe(401);
  });

  it("answers 403 without a clientId header while requireClientId is on", async () => {
    const refused = await callSim(sim, "GET", ticketPath, { clientId: null });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "Forbidden", message: expect.stringContaining("clientId") });
    sim.setTraps({ requireClientId: false });
    expect((await callSim(sim, "GET", ticketPath, { clientId: null })).status).toBe(200);
  });

  it("accepts credentials given at start and refuses the defaults then", async () => {
    const other = await startConnectWiseSimulator({ credentials: { companyId: "tenant_b", privateKey: "b-private" } });
    try {
      expect((await callSim(other, "GET", ticketPath)).status).toBe(200);
      const { publicKey, privateKey, companyId } = DEMO_SIMULATOR_CREDENTIALS;
      expect((await callSim(other, "GET", ticketPath, { auth: basicAuth(companyId, publicKey, privateKey) })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("logs every API request with its Authorization header, and not admin calls", async () => {
    await callSim(sim, "GET", "/service/boards", { query: { pageSize: 5 } });
    await fetch(`${sim.url}/_sim/health`);
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ method: "GET", path: "/v4_6_release/apis/3.0/service/boards", query: { pageSize: "5" } });
    expect(sim.requests[0]!.headers.authorization).toBe(basicAuth(sim.credentials.companyId, sim.credentials.publicKey, sim.credentials.privateKey));
    expect(sim.requests[0]!.headers.clientid).toBe(sim.credentials.clientId);
  });
});

describe("unauthenticated endpoints and system info", () => {
  it("serves /login/companyinfo for the company and null for another", async () => {
    const known = await fetch(`${sim.url}/login/companyinfo/${sim.credentials.companyId}`).then((response) => response.json());
    expect(known).toMatchObject({ Codebase: "v4_6_release/", CompanyID: sim.credentials.companyId, VersionCode: "v2025.1" });
    expect(await fetch(`${sim.url}/login/companyinfo/nobody`).then((response) => response.json())).toBeNull();
  });

  it("serves /system/info behind auth", async () => {
    expect((await callSim(sim, "GET", "/system/info")).body).toMatchObject({ version: expect.stringMatching(/^v2025\.1/) });
    expect((await callSim(sim, "GET", "/system/info", { auth: null })).status).toBe(401);
  });

  it("answers 404 for unknown API paths and 405 for a wrong method", async () => {
    expect((await callSim(sim, "GET", "/service/nothing")).status).toBe(404);
    const wrong = await callSim(sim, "PUT", "/service/boards");
    expect(wrong.status).toBe(405);
    expect(wrong.body.message).toBe("The requested resource does not support http method 'PUT'.");
  });
});

describe("traps", () => {
  it("rateLimit answers 429 with Retry-After and the error-keyed body, then lets requests through", async () => {
    sim.setTraps({ rateLimit: { count: 2, retryAfterSeconds: 7 } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const limited = await callSim(sim, "GET", ticketPath);
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("7");
      expect(limited.body).toEqual({ error: "ConnectWiseAPI", message: "Too many requests. Please try again in 7 seconds." });
    }
    expect((await callSim(sim, "GET", ticketPath)).status).toBe(200);
    expect(sim.traps.rateLimit).toBeNull();
  });

  it("failNext answers 5xx the given number of times, 500 by default", async () => {
    sim.setTraps({ failNext: { count: 1, status: 503 } });
    expect((await callSim(sim, "GET", ticketPath)).status).toBe(503);
    sim.setTraps({ failNext: { count: 1 } as never });
    const failed = await callSim(sim, "PATCH", ticketPath, { body: [{ op: "replace", path: "summary", value: "changed" }] });
    expect(failed.status).toBe(500);
    expect(failed.body.code).toBe("UnexpectedServerError");
    // A failed write changed nothing.
    expect(sim.ticket(SIM_TICKETS.outlookPasswordPrompts)!.summary).toBe("Outlook prompts for a password every few minutes");
    expect((await callSim(sim, "GET", ticketPath)).status).toBe(200);
  });

  it("forbiddenLists answers 403 in CW's words for those lists only", async () => {
    sim.setTraps({ forbiddenLists: ["members", "companies"] });
    const members = await callSim(sim, "GET", "/system/members");
    expect(members.status).toBe(403);
    expect(members.body).toMatchObject({ code: "Forbidden", message: expect.stringMatching(/^You do not have permission to inquire on Members/) });
    expect((await callSim(sim, "GET", "/company/companies/250")).status).toBe(403);
    expect((await callSim(sim, "GET", "/company/companies/count")).status).toBe(403);
    expect((await callSim(sim, "GET", "/service/boards")).status).toBe(200);
    for (const [list, path] of [["tickets", "/service/tickets"], ["notes", `${ticketPath}/notes`], ["schedule", "/schedule/entries"], ["statuses", "/service/boards/1/statuses"], ["priorities", "/service/priorities"], ["boards", "/service/boards"]] as const) {
      sim.setTraps({ forbiddenLists: [list] });
      expect((await callSim(sim, "GET", path)).status, list).toBe(403);
    }
  });

  it("delayMs answers late", async () => {
    sim.setTraps({ delayMs: 150 });
    const started = Date.now();
    expect((await callSim(sim, "GET", ticketPath)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("refuses unknown traps and bad values, and resetTraps restores the defaults", () => {
    expect(() => sim.setTraps({ nope: true } as never)).toThrow(/unknown trap 'nope'/);
    expect(() => sim.setTraps({ patchForeignStatus: "maybe" as never })).toThrow(/patchForeignStatus/);
    expect(() => sim.setTraps({ forbiddenLists: ["contacts" as never] })).toThrow(/forbiddenLists/);
    expect(() => sim.setTraps({ failNext: { count: 1, status: 404 } })).toThrow(/5xx/);
    sim.setTraps({ patchForeignStatus: "reject", requireClientId: false });
    sim.resetTraps();
    expect(sim.traps).toEqual({ resourcesPatchIgnored: true, patchForeignStatus: "ignore", forbiddenLists: [], rateLimit: null, failNext: null, requireClientId: true, delayMs: 0 });
  });
});

describe("admin API", () => {
  it("switches traps, shows a ticket with its notes and entries, lists requests, and resets", async () => {
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.url}/_sim${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" } }).then(async (response) => ({ status: response.status, body: response.status === 204 ? null : await response.json() }));
    expect((await admin("GET", "/health")).body).toMatchObject({ ok: true });
    expect((await admin("POST", "/traps", { forbiddenLists: ["boards"] })).body.forbiddenLists).toEqual(["boards"]);
    expect((await callSim(sim, "GET", "/service/boards")).status).toBe(403);
    expect((await admin("POST", "/traps", { bogus: 1 })).status).toBe(400);
    const snapshot = (await admin("GET", `/tickets/${SIM_TICKETS.vpnDisconnects}`)).body;
    expect(snapshot.ticket.resources).toBe("ssenior, jjunior");
    expect(snapshot.notes.length).toBeGreaterThan(0);
    expect(snapshot.scheduleEntries.map((entry: { member: { identifier: string } }) => entry.member.identifier)).toEqual(["ssenior", "jjunior"]);
    expect((await admin("GET", "/tickets/1")).status).toBe(404);
    expect((await admin("GET", "/requests")).body).toHaveLength(1);
    await callSim(sim, "PATCH", `/service/tickets/${SIM_TICKETS.vpnDisconnects}`, { body: [{ op: "replace", path: "summary", value: "changed" }] });
    expect((await admin("POST", "/reset")).body).toEqual({ ok: true });
    expect(sim.ticket(SIM_TICKETS.vpnDisconnects)!.summary).toBe("VPN disconnects every 30 minutes");
    expect(sim.traps.forbiddenLists).toEqual([]);
    expect(sim.requests).toHaveLength(0);
  });
});
