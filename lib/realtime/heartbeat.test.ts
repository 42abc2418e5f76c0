import { afterEach, describe, expect, it, vi } from "vitest";
import { joinHeartbeat, sharedCheck } from "@/lib/realtime/heartbeat";

afterEach(() => vi.useRealTimers());

describe("joinHeartbeat", () => {
  it("beats every listener once per period, spread over the period, one frame per tick", async () => {
    vi.useFakeTimers();
    const beats = new Map<number, Uint8Array[]>();
    const leaves = Array.from({ length: 20 }, (_, i) => joinHeartbeat(10, undefined, ({ frame }) => beats.set(i, [...(beats.get(i) ?? []), frame])));
    await vi.advanceTimersByTimeAsync(1_000);
    const firstTick = [...beats.values()].flat();
    expect(firstTick.length).toBeGreaterThan(0);
    expect(firstTick.length).toBeLessThan(20);
    expect(new Set(firstTick).size).toBe(1);
    await vi.advanceTimersByTimeAsync(9_000);
    expect([...Array(20).keys()].map((i) => beats.get(i)?.length)).toEqual(Array(20).fill(1));
    for (const leave of leaves) leave();
    await vi.advanceTimersByTimeAsync(20_000);
    expect([...beats.values()].flat()).toHaveLength(20);
  });

  it("beats listeners of one key in the same tick", async () => {
    vi.useFakeTimers();
    const ticks: number[] = [];
    const leaves = [0, 1, 2].map(() => joinHeartbeat(30, "user:sign-in", () => ticks.push(Date.now())));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(ticks).toHaveLength(3);
    expect(new Set(ticks).size).toBe(1);
    for (const leave of leaves) leave();
  });
});

describe("sharedCheck", () => {
  it("shares one check in flight per key, and asks again once it settled", async () => {
    let calls = 0;
    let answer!: (value: boolean) => void;
    const check = () => {
      calls += 1;
      return new Promise<boolean>((resolve) => (answer = resolve));
    };
    const both = Promise.all([sharedCheck("k", check), sharedCheck("k", check)]);
    answer(false);
    expect(await both).toEqual([false, false]);
    expect(calls).toBe(1);
    const again = sharedCheck("k", check);
    answer(true);
    expect(await again).toBe(true);
    expect(calls).toBe(2);
  });
});
