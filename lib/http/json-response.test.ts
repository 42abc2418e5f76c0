import { describe, expect, it } from "vitest";
import { jsonResponse } from "@/lib/http/json-response";

describe("jsonResponse", () => {
  it("sends the body as JSON with the status and headers given", async () => {
    const response = jsonResponse({ id: "a" }, { status: 201, headers: { "x-request": "1" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request")).toBe("1");
    expect(await response.json()).toEqual({ id: "a" });
  });

  it("marks a short body no-transform, keeping a cache-control it was given", () => {
    expect(jsonResponse({ status: "ok" }).headers.get("cache-control")).toBe("no-transform");
    expect(jsonResponse(null, { headers: { "cache-control": "no-store" } }).headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("leaves a body of 1 KB or more to be compressed, counting bytes, not characters", () => {
    expect(jsonResponse({ text: "x".repeat(1024) }).headers.get("cache-control")).toBeNull();
    // 349 characters, but 1,031 bytes: the euro sign is three.
    expect(jsonResponse({ t: "€".repeat(341) }).headers.get("cache-control")).toBeNull();
    expect(jsonResponse({ t: "x".repeat(1014) }).headers.get("cache-control")).toBe("no-transform");
  });
});
