import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from "@/lib/net/testing/scripted-server";
import { createCwHttp } from "@/lib/psa/connectwise/cw-http";
import { listAll, nextPage, nextPageFromLink, parseLinkHeader } from "@/lib/psa/connectwise/pagination";

const cwLink =
  '<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?pageSize=50&page=3>; rel="next", <https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?pageSize=50&page=1>; rel="first", <https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?pageSize=50&page=1>; rel="prev", <https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?pageSize=50&page=9>; rel="last"';
const requested = new URL("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?pageSize=50&page=2");

describe("Link header parsing", () => {
  it("reads every rel of ConnectWise's Link header", () => {
    const links = parseLinkHeader(cwLink);
    expect(Object.keys(links).sort()).toEqual(["first", "last", "next", "prev"]);
    expect(new URL(links.last!).searchParams.get("page")).toBe("9");
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader("garbage")).toEqual({});
  });

  it("takes the next page number only from a link to the same origin and path", () => {
    expect(nextPageFromLink(cwLink, requested)).toBe(3);
    expect(nextPageFromLink('<https://evil.example/v4_6_release/apis/3.0/service/tickets?page=3>; rel="next"', requested)).toBeNull();
    expect(nextPageFromLink('<http://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?page=3>; rel="next"', requested)).toBeNull();
    expect(nextPageFromLink('<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/system/members?page=3>; rel="next"', requested)).toBeNull();
    expect(nextPageFromLink('<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?page=abc>; rel="next"', requested)).toBeNull();
  });

  it("without a Link, pages until a short page; a Link without next ends; an empty page ends", () => {
    const base = { requested, page: 2, pageSize: 50 };
    expect(nextPage({ ...base, link: undefined, received: 50 })).toBe(3);
    expect(nextPage({ ...base, link: undefined, received: 49 })).toBeNull();
    expect(nextPage({ ...base, link: cwLink, received: 50 })).toBe(3);
    expect(nextPage({ ...base, link: '<https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?page=1>; rel="first"', received: 50 })).toBeNull();
    expect(nextPage({ ...base, link: '<https://evil.example/x?page=7>; rel="next"', received: 10 })).toBeNull();
    expect(nextPage({ ...base, link: '<https://evil.example/x?page=7>; rel="next"', received: 50 })).toBe(3);
    expect(nextPage({ ...base, link: cwLink, received: 0 })).toBeNull();
  });
});

describe("listAll over a server", () => {
  let server: ScriptedServer;
  const total = 2_350;
  const pageOf = (request: RecordedRequest) => {
    const url = new URL(request.url, server.origin);
    const page = Number(url.searchParams.get("page"));
    const size = Number(url.searchParams.get("pageSize"));
    return { page, size, rows: Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, index) => ({ id: (page - 1) * size + index + 1 })) };
  };
  const http = () =>
    createCwHttp({ provider: "connectwise", siteUrl: server.origin, companyId: "c", publicKey: "p", privateKey: "k", clientId: "id" }, { allowHosts: ["127.0.0.1"] });

  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it("follows the Link header's next page, 1000 per page, re-built on our own base URL", async () => {
    server.setDefault((request) => {
      const { page, rows } = pageOf(request);
      const next = page < 3 ? `<${server.origin}${request.path}?page=${page + 1}&pageSize=1000>; rel="next", ` : "";
      return { status: 200, body: rows, headers: { link: `${next}<${server.origin}${request.path}?page=1&pageSize=1000>; rel="first"` } };
    });
    const items = await listAll<{ id: number }>(http(), "/system/members", { conditions: "inactiveFlag = false" }, {});
    expect(items).toHaveLength(total);
    expect(server.requests.map((request) => new URL(request.url, server.origin).searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(new URL(server.requests[1]!.url, server.origin).searchParams.get("conditions")).toBe("inactiveFlag = false");
  });

  it("ignores a Link pointing elsewhere and pages until a short page instead", async () => {
    server.setDefault((request) => ({ status: 200, body: pageOf(request).rows, headers: { link: '<https://169.254.169.254/latest/meta-data?page=2>; rel="next"' } }));
    const items = await listAll(http(), "/company/companies", {}, {});
    expect(items).toHaveLength(total);
    expect(server.requests.every((request) => request.path === "/v4_6_release/apis/3.0/company/companies")).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it("stops at the page cap and says so in the log", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    server.setDefault((request) => ({ status: 200, body: Array.from({ length: pageOf(request).size }, (_, index) => ({ id: index })) }));
    const items = await listAll(http(), "/service/boards", {}, {}, 2);
    expect(items).toHaveLength(2_000);
    expect(server.requests).toHaveLength(2);
    expect(String(warn.mock.calls[0]![0])).toContain("psa.list_truncated");
    warn.mockRestore();
  });
});
