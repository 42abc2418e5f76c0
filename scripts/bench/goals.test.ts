import { describe, expect, it } from "vitest";
import { evaluateGoals, formatGoals, PAGE_BASELINE_SHARE_OF_LIVE } from "./goals";

const byRow = (rows: ReturnType<typeof evaluateGoals>) => Object.fromEntries(rows.map((row) => [row.row, row]));

describe("evaluateGoals", () => {
  it("judges each HTTP figure by its share of the live route from the same run", () => {
    const rows = byRow(evaluateGoals({ liveRps: 500, meRps: 300, countsRps: 240 }));
    expect(rows["/api/v1/me, c=50"]).toMatchObject({ measured: "60 %", met: true });
    expect(rows["/api/v1/shell/counts, c=50"]).toMatchObject({ measured: "48 %", met: false });
    expect(rows["claim race, 50 at once"]).toMatchObject({ measured: "not run", met: undefined });
  });

  it("wants pages at three times their baseline share and p99 within 150 ms", () => {
    const baseline = PAGE_BASELINE_SHARE_OF_LIVE["/pilot"]!;
    const rows = byRow(
      evaluateGoals({
        liveRps: 1000,
        pages: [
          { path: "/pilot", rps: 1000 * baseline * 3, p99: 150 },
          { path: "/escalations", rps: 1000 * baseline * 2.9, p99: 100 },
          { path: "/pilot/:id", rps: 1000 * baseline * 4, p99: 151 },
        ],
      }),
    );
    expect(rows["page /pilot, c=10"]!.met).toBe(true);
    expect(rows["page /escalations, c=10"]!.met).toBe(false);
    expect(rows["page /pilot/:id, c=10"]!.met).toBe(false);
  });

  it("shows the not-found page's share beside each page, without changing the verdict", () => {
    const baseline = PAGE_BASELINE_SHARE_OF_LIVE["/pilot"]!;
    const rows = byRow(evaluateGoals({ liveRps: 1000, pageFloorRps: 250, pages: [{ path: "/pilot", rps: 1000 * baseline, p99: 300 }] }));
    expect(rows["page /pilot, c=10"]).toMatchObject({ measured: "1.00× baseline (5 % of live; not-found page: 25 % of live), p99 300.0 ms", met: false });
  });

  it("needs exactly one winner in every claim round, whatever the time", () => {
    const fast = byRow(evaluateGoals({ claim: { p99: 50, winnerP50: 20, rounds: 10, exactlyOneWinner: 9 } }));
    expect(fast["claim race, 50 at once"]!.met).toBe(false);
    const right = byRow(evaluateGoals({ claim: { p99: 50, winnerP50: 20, rounds: 10, exactlyOneWinner: 10 } }));
    expect(right["claim race, 50 at once"]!.met).toBe(true);
  });

  it("shows the live route's own burst beside the claim race, without changing the verdict", () => {
    const rows = byRow(evaluateGoals({ claim: { p99: 180, winnerP50: 90, rounds: 10, exactlyOneWinner: 10, liveBurstP99: 110 } }));
    expect(rows["claim race, 50 at once"]).toMatchObject({ met: false });
    expect(rows["claim race, 50 at once"]!.measured).toMatch(/\(live route, 50 at once: p99 110.0 ms\)$/);
  });

  it("shows the claim route refused after its viewer check beside the live route's burst", () => {
    const rows = byRow(evaluateGoals({ claim: { p99: 180, winnerP50: 90, rounds: 10, exactlyOneWinner: 10, liveBurstP99: 110, refusedBurstP99: 150 } }));
    expect(rows["claim race, 50 at once"]!.measured).toMatch(/\(live route, 50 at once: p99 110.0 ms; refused after the viewer check: p99 150.0 ms\)$/);
  });

  it("counts the SSE memory goal in MB and only for 10,000 connections", () => {
    const rows = byRow(evaluateGoals({ sse: { connections: 10_000, extraMiB: 238, fanoutP99: 49 } }));
    expect(rows["SSE memory, 10,000 open on one process"]!.met).toBe(true);
    expect(rows["fan-out to a 200-engineer tenant, streams open"]!.met).toBe(true);
    const over = byRow(evaluateGoals({ sse: { connections: 10_000, extraMiB: 239, fanoutP99: 51 } }));
    expect(over["SSE memory, 10,000 open on one process"]!.met).toBe(false);
    expect(over["fan-out to a 200-engineer tenant, streams open"]!.met).toBe(false);
    const fell = byRow(evaluateGoals({ sse: { connections: 10_000, extraMiB: -271, fanoutP99: 20 } }));
    expect(fell["SSE memory, 10,000 open on one process"]).toMatchObject({ met: undefined, measured: expect.stringMatching(/^no reading: RSS fell 271 MiB/) });
    const fewer = byRow(evaluateGoals({ sse: { connections: 2_000, extraMiB: 10, fanoutP99: 1 } }));
    expect(fewer["SSE memory, 10,000 open on one process"]!.met).toBe(false);
  });
});

describe("formatGoals", () => {
  it("prints one aligned line per goal and a tally of the measured ones", () => {
    const lines = formatGoals(evaluateGoals({ liveRps: 500, meRps: 300, previewHitP50: 4 }));
    expect(lines[0]).toBe("Goals (issue 12):");
    expect(lines.find((line) => line.startsWith("/api/v1/me, c=50"))).toMatch(/60 %\s+met$/);
    expect(lines.find((line) => line.startsWith("preview cache hit"))).toMatch(/p50 4\.00 ms\s+not met$/);
    expect(lines.at(-1)).toBe("1 of 2 measured goals met.");
  });

  it("names the live route's sequential time beside the preview hit when it was measured", () => {
    const lines = formatGoals(evaluateGoals({ previewHitP50: 4, sequentialFloorP50: 2.5 }));
    expect(lines.find((line) => line.startsWith("preview cache hit"))).toMatch(/p50 4\.00 ms \(live route alone: 2\.50 ms\)\s+not met$/);
  });
});
