import { describe, expect, it } from "vitest";
import { formatLoadTable, formatTable, percentile } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank of the sorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it("handles one sample and none", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("formatTable", () => {
  it("aligns the columns and marks a missing rate", () => {
    const table = formatTable([
      { name: "GET /a", requestsPerSecond: 1234.4, p50: 3, p99: 12.34 },
      { name: "in-process", p50: 0.5, p99: 1.25 },
    ]).split("\n");
    expect(table[0]).toBe("endpoint    requests/s  p50 ms  p99 ms");
    expect(table[2]).toBe("GET /a            1234    3.00    12.3");
    expect(table[3]).toBe("in-process           –    0.50    1.25");
  });
});

describe("formatLoadTable", () => {
  it("puts each rate beside its share of the floor, and TTFB where measured", () => {
    const table = formatLoadTable(
      [
        { name: "GET /live", requestsPerSecond: 500, p50: 90, p99: 180 },
        { name: "GET /page", requestsPerSecond: 25, p50: 380, p99: 620, ttfbP50: 120, ttfbP99: 300 },
      ],
      500,
    ).split("\n");
    expect(table[0]).toBe("endpoint   requests/s  × live  p50 ms  p99 ms  TTFB p50  TTFB p99");
    expect(table[2]).toBe("GET /live         500    1.00    90.0   180.0         –         –");
    expect(table[3]).toBe("GET /page          25    0.05   380.0   620.0     120.0     300.0");
  });
});
