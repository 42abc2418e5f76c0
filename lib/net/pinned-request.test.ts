import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startScriptedServer, TEST_TLS, type ScriptedServer } from "@/lib/net/testing/scripted-server";
import { BodyTooLargeError, requestPinned } from "@/lib/net/pinned-request";

const loopback = { address: "127.0.0.1", family: 4 as const };
let plain: ScriptedServer;
let secure: ScriptedServer;

beforeAll(async () => {
  [plain, secure] = await Promise.all([startScriptedServer(), startScriptedServer({ tls: true })]);
});
afterAll(async () => {
  await Promise.all([plain.close(), secure.close()]);
});
beforeEach(() => {
  plain.reset();
  secure.reset();
});

describe("requestPinned", () => {
  it("sends any method with its headers and body, and returns status, headers and body text", async () => {
    plain.answerNext({ status: 201, body: { id: 7 }, headers: { "x-cw-request-id": "abc" } });
    const response = await requestPinned({
      url: new URL(`${plain.origin}/api/items?x=1`),
      method: "PATCH",
      headers: { "content-type": "application/json", "x-custom": "yes" },
      body: JSON.stringify([{ op: "replace" }]),
      pinned: loopback,
      signal: AbortSignal.timeout(5_000),
    });
    expect(response).toMatchObject({ status: 201, body: '{"id":7}' });
    expect(response.headers["x-cw-request-id"]).toBe("abc");
    const [request] = plain.requests;
    expect(request).toMatchObject({ method: "PATCH", url: "/api/items?x=1", body: '[{"op":"replace"}]' });
    expect(request!.headers["x-custom"]).toBe("yes");
    expect(request!.headers["content-length"]).toBe("18");
  });

  it("connects to the pinned address, keeping the URL's host name in the Host header", async () => {
    // pinned.test resolves nowhere: only the pinned address can get the request here.
    await requestPinned({ url: new URL(`http://pinned.test:${plain.port}/x`), method: "GET", pinned: loopback, signal: AbortSignal.timeout(5_000) });
    expect(plain.requests[0]!.headers.host).toBe(`pinned.test:${plain.port}`);
  });

  it("never follows a redirect: the 3xx comes back as it is", async () => {
    plain.answerNext({ status: 302, headers: { location: `${plain.origin}/elsewhere` } });
    const response = await requestPinned({ url: new URL(`${plain.origin}/start`), method: "GET", pinned: loopback, signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${plain.origin}/elsewhere`);
    expect(plain.requests.map((request) => request.path)).toEqual(["/start"]);
  });

  it("bounds the body: fails past the cap, or keeps the start when asked to truncate", async () => {
    plain.setDefault({ status: 200, body: "x".repeat(10_000) });
    const request = { url: new URL(`${plain.origin}/big`), method: "GET", pinned: loopback, maxBodyBytes: 1_000 };
    await expect(requestPinned({ ...request, signal: AbortSignal.timeout(5_000) })).rejects.toBeInstanceOf(BodyTooLargeError);
    const truncated = await requestPinned({ ...request, signal: AbortSignal.timeout(5_000), oversize: "truncate" });
    expect(truncated.body).toBe("x".repeat(1_000));
  });

  it("gives up when the signal aborts", async () => {
    plain.answerNext({ status: 200, body: "late", delayMs: 2_000 });
    const started = Date.now();
    const signal = AbortSignal.timeout(150);
    await expect(requestPinned({ url: new URL(`${plain.origin}/slow`), method: "GET", pinned: loopback, signal })).rejects.toBeTruthy();
    expect(signal.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("speaks https to the pinned address with SNI and the certificate checked against the URL's host name", async () => {
    secure.answerNext({ status: 200, body: "ok" });
    const url = new URL(`https://cw.test:${secure.port}/v4_6_release/apis/3.0/system/info`);
    const response = await requestPinned({ url, method: "GET", pinned: loopback, signal: AbortSignal.timeout(5_000), ca: TEST_TLS.cert });
    expect(response.body).toBe("ok");
    expect(secure.requests[0]!.servername).toBe("cw.test");
  });

  it("refuses a certificate that doesn't name the host, or that isn't trusted", async () => {
    const other = new URL(`https://other.test:${secure.port}/`);
    await expect(requestPinned({ url: other, method: "GET", pinned: loopback, signal: AbortSignal.timeout(5_000), ca: TEST_TLS.cert })).rejects.toMatchObject({
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
    const untrusted = new URL(`https://cw.test:${secure.port}/`);
    await expect(requestPinned({ url: untrusted, method: "GET", pinned: loopback, signal: AbortSignal.timeout(5_000) })).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
    });
    expect(secure.requests).toEqual([]);
  });
});
