import { describe, expect, it } from "vitest";
import { backoffDelay, decideRetry, defaultRetrySettings, parseRetryAfter } from "@/lib/psa/connectwise/retry-policy";

const settings = { ...defaultRetrySettings, maxAttempts: 3, maxWaitMs: 10_000, baseDelayMs: 500 };

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Tue, 01 Dec 2026 12:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(["2", "9"], now)).toBe(2_000);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("decideRetry", () => {
  it("retries 429 after Retry-After and 5xx after a backoff, up to the attempt cap", () => {
    expect(decideRetry({ status: 429, attempt: 1, retryAfterMs: 2_000, settings })).toEqual({ retry: true, waitMs: 2_000 });
    const backoff = decideRetry({ status: 503, attempt: 2, retryAfterMs: null, settings });
    expect(backoff.retry && backoff.waitMs).toBeGreaterThanOrEqual(500);
    expect(decideRetry({ status: 500, attempt: 3, retryAfterMs: null, settings })).toEqual({ retry: false });
  });

  it("never retries other statuses", () => {
    for (const status of [400, 401, 403, 404, 409]) expect(decideRetry({ status, attempt: 1, retryAfterMs: 1, settings })).toEqual({ retry: false });
  });

  it("does not sleep past the ceiling: it reports the wait instead", () => {
    expect(decideRetry({ status: 429, attempt: 1, retryAfterMs: 60_000, settings })).toEqual({ retry: false, tooLongMs: 60_000 });
  });
});

describe("backoffDelay", () => {
  it("doubles per attempt with jitter in the upper half, capped by the ceiling", () => {
    expect(backoffDelay(1, settings, () => 0)).toBe(250);
    expect(backoffDelay(1, settings, () => 1)).toBe(500);
    expect(backoffDelay(3, settings, () => 1)).toBe(2_000);
    expect(backoffDelay(20, settings, () => 1)).toBe(10_000);
  });
});
