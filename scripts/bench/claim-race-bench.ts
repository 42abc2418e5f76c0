/**
 * The claim race (F6): C engineers claim one fresh escalation at once, exactly one 200 and the rest
 * 409, read beside two floors of the same bursts. Medians and ratios only; nothing here passes or
 * fails on a time.
 */
import { demoAccount, demoUsers } from "../../prisma/seed-data";
import { escalateFresh, postJson, type RealtimeBenchContext } from "./realtime-bench";
import { timing, type Timing } from "./stats";

export type ClaimResult = {
  /** `rounds` counts every race, each checked for exactly one winner; the first `warmupRounds` are not timed. */
  claimers: number; rounds: number; warmupRounds: number; exactlyOneWinner: number; latency: Timing; winner: Timing; statuses: Record<number, number>;
  /** The same bursts (as many requests at once, the same cookies and client) on the live route: the framework's floor for them. */
  liveBurst: Timing;
  /**
   * The same POSTs to the claim route with a malformed handoff id: each is refused (422) right after
   * its viewer's statement, so this is the route's own floor, every step but the claim statement.
   */
  refusedBurst: Timing;
};

type ClaimOptions = { claimers: number; rounds: number; warmupRounds: number };

/**
 * `claimers` distinct engineers claim one fresh escalation at once: `warmupRounds` races, then
 * `rounds` timed ones, each checked for exactly one winner. The warm-up leaves out what a
 * process's first requests pay (loading the route's code, preparing its statement on each pooled
 * connection), as the other parts' warm-up does. Then the same bursts, warmed up likewise, on the
 * live route and on the claim route refused after its viewer check: the floors to read it against.
 */
export async function measureClaimRace(ctx: RealtimeBenchContext, options: ClaimOptions = { claimers: 50, rounds: 10, warmupRounds: 2 }): Promise<ClaimResult> {
  const ids = Array.from({ length: options.claimers }, (_, i) => `1c000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`);
  await ctx.db.user.createMany({
    data: ids.map((id, i) => ({ id, accountId: demoAccount.id, email: `claimer${i}@demo-msp.test`, name: `Claimer ${i}`, role: "engineer" as const })),
    skipDuplicates: true,
  });
  const cookies = await Promise.all(ids.map((id) => ctx.cookieFor(id)));
  const juniorCookie = await ctx.cookieFor(demoUsers.junior.id);
  const latency: number[] = [];
  const winner: number[] = [];
  const statuses: Record<number, number> = {};
  let exactlyOneWinner = 0;
  let lastSessionId = "";
  const totalRounds = options.warmupRounds + options.rounds;
  for (let round = 0; round < totalRounds; round += 1) {
    const { sessionId, handoffId } = await escalateFresh(ctx.appUrl, juniorCookie, `claim ${round}`);
    lastSessionId = sessionId;
    const path = `/api/v1/ai-sessions/${sessionId}/handoffs/${handoffId}/claim`;
    const results = await Promise.all(
      cookies.map(async (cookie) => {
        const started = performance.now();
        const response = await postJson(ctx.appUrl, cookie, path, {});
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    const wins = results.filter((r) => r.status === 200).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    if (wins === 1 && conflicts === options.claimers - 1) exactlyOneWinner += 1;
    if (round < options.warmupRounds) continue;
    for (const result of results) {
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      latency.push(result.ms);
      if (result.status === 200) winner.push(result.ms);
    }
  }
  const liveBurst = await timedBursts(cookies, totalRounds, options.warmupRounds, 200, (cookie) => fetch(`${ctx.appUrl}/api/health/live`, { headers: { cookie } }));
  // The last race's session: the malformed handoff id alone is refused, whatever the session.
  const malformedPath = `/api/v1/ai-sessions/${lastSessionId}/handoffs/not-a-handoff-id/claim`;
  const refusedBurst = await timedBursts(cookies, totalRounds, options.warmupRounds, 422, (cookie) => postJson(ctx.appUrl, cookie, malformedPath, {}));
  return {
    claimers: options.claimers, rounds: totalRounds, warmupRounds: options.warmupRounds, exactlyOneWinner, latency: timing(latency), winner: timing(winner), statuses,
    liveBurst: timing(liveBurst), refusedBurst: timing(refusedBurst),
  };
}

/** `rounds` bursts of one request per cookie at once, the first `warmupRounds` untimed; any other status than `expected` stops the run. */
async function timedBursts(cookies: string[], rounds: number, warmupRounds: number, expected: number, send: (cookie: string) => Promise<Response>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const results = await Promise.all(
      cookies.map(async (cookie) => {
        const started = performance.now();
        const response = await send(cookie);
        await response.arrayBuffer();
        if (response.status !== expected) throw new Error(`a burst request answered ${response.status}, not ${expected}`);
        return performance.now() - started;
      }),
    );
    if (round >= warmupRounds) samples.push(...results);
  }
  return samples;
}
