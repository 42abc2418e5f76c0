import { describe, expect, it } from "vitest";
import { longDay, minutesTick, shortDay, toChartDays } from "@/components/analytics/chart-series";

describe("toChartDays", () => {
  it("plots the median in minutes and keeps a day without an action as a gap", () => {
    const days = toChartDays([
      { day: "2026-03-03", n_claimed: 2, n_with_action: 2, median_seconds: 450, p95_seconds: 600 },
      { day: "2026-03-04", n_claimed: 1, n_with_action: 0, median_seconds: null, p95_seconds: null },
    ]);
    expect(days.map((day) => day.median_minutes)).toEqual([7.5, null]);
    expect(days[0]).toMatchObject({ n_claimed: 2, median_seconds: 450, p95_seconds: 600 });
  });
});

describe("axis and tooltip labels", () => {
  it("writes minute ticks as short numbers that cannot wrap", () => {
    expect(minutesTick(7.5)).toBe("7.5");
    expect(minutesTick(12.25)).toBe("12.3");
    expect(minutesTick(0.25)).toBe("0.25");
    expect(minutesTick(0.05)).toBe("0.05");
    expect(minutesTick(1440)).toBe("1,440");
    expect(minutesTick(0)).toBe("0");
  });

  it("names UTC days whatever the server's time zone", () => {
    expect(shortDay("2026-03-04")).toBe("Mar 4");
    expect(longDay("2026-03-04")).toBe("Wed, Mar 4");
  });
});
