import { describe, expect, it } from "vitest";
import { formatDuration, formatDurationShort } from "@/lib/analytics/format-duration";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [0, "0 s"],
    [0.2, "< 1 s"],
    [0.6, "1 s"],
    [42, "42 s"],
    [59.6, "1 min"],
    [252, "4 min 12 s"],
    [252.4, "4 min 12 s"],
    [3_599.4, "59 min 59 s"],
    [3_600, "1 h"],
    [3_900, "1 h 5 min"],
    [86_369, "23 h 59 min"],
    [86_399, "1 d"],
    [97_200, "1 d 3 h"],
  ] as const)("%s → %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("formatDurationShort", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [252, "4.2 min"],
    [150, "2.5 min"],
    [300, "5 min"],
    [7_200, "2 h"],
    [90_000, "1 d"],
  ] as const)("%s → %s", (seconds, expected) => {
    expect(formatDurationShort(seconds)).toBe(expected);
  });
});
