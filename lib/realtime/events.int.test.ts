import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { realtimeEventsAfter, recordRealtimeEvent } from "@/lib/realtime/events";
import { createTenant } from "@/tests/helpers/tenant";

/** Resolves when `promise` settles or after `ms`, telling which. */
async function settlesWithin(promise: Promise<unknown>, ms: number) {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe("recordRealtimeEvent", () => {
  it("commits an account's events in id order: a second writer waits for the first transaction", async () => {
    const tenant = await createTenant("Event Order MSP");
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => (firstRecorded = resolve));

    const first = db.$transaction(async (tx) => {
      const event = await recordRealtimeEvent(tx, tenant.accountId, "handoff_created", { n: 1 });
      firstRecorded();
      await firstHeld;
      return event;
    });
    await recorded;
    const second = db.$transaction((tx) => recordRealtimeEvent(tx, tenant.accountId, "handoff_created", { n: 2 }));

    expect(await settlesWithin(second, 300)).toBe(false);
    // While the first is open, no reader sees anything, so no client can skip past its id.
    expect(await realtimeEventsAfter(tenant.accountId, "0")).toEqual([]);
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(BigInt(b.id)).toBeGreaterThan(BigInt(a.id));
  });

  it("never makes another account's writer wait", async () => {
    const [one, two] = await Promise.all([createTenant("Lock One MSP"), createTenant("Lock Two MSP")]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const isRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const first = db.$transaction(async (tx) => {
      await recordRealtimeEvent(tx, one.accountId, "handoff_created", {});
      recorded();
      await held;
    });
    await isRecorded;
    const other = db.$transaction((tx) => recordRealtimeEvent(tx, two.accountId, "handoff_created", {}));
    expect(await settlesWithin(other, 5_000)).toBe(true);
    release();
    await first;
  });
});
