import type { FanoutResult } from "./in-process-fanout";
import type { ClaimResult } from "./claim-race-bench";
import type { CrowdResult, DeliveryResult } from "./realtime-bench";
import { formatTable, type Row } from "./stats";

export type TwoProcessResult = DeliveryResult & { hopP99: number; hopP50: number };
export type RealtimeResults = { latency?: DeliveryResult; crowd?: CrowdResult; twoProcess?: TwoProcessResult; fanout?: FanoutResult; claim?: ClaimResult };

function deliveryRows(label: string, result: DeliveryResult): Row[] {
  const rows: Row[] = [];
  for (const group of result.groups) {
    const name = result.groups.length > 1 ? `${label}, ${group.name}` : label;
    rows.push(
      { name: `${name}: commit → parsed by the client (${group.fromCommit.samples})`, ...group.fromCommit },
      { name: `${name}: request start → parsed (${group.fromRequest.samples})`, ...group.fromRequest },
      { name: `${name}: last subscriber, from request start (${group.lastSubscriber.samples})`, ...group.lastSubscriber },
    );
  }
  rows.push({ name: `${label}: POST …/handoff response (${result.request.samples})`, ...result.request });
  return rows;
}

function deliveryNote(label: string, result: DeliveryResult): string {
  const groups = result.groups.map((group) => `${group.name}: ${group.subscribers} subscribers, ${group.missing} deliveries missing, ${group.dropped} dropped`).join("; ");
  return `${label}: ${result.escalations} sequential escalations, commit time found for ${result.commitsFound} events; ${groups}.`;
}

/** The real-time section of the bench report, one line per figure, ratios where they help. */
export function formatRealtimeReport(results: RealtimeResults): string[] {
  const lines: string[] = [];
  const { latency, crowd, twoProcess, fanout, claim } = results;
  const rows: Row[] = [];
  if (latency) rows.push(...deliveryRows("escalate → handoff_created, 500 subscribers", latency));
  if (crowd) rows.push(...deliveryRows(`fan-out with ${crowd.connections.toLocaleString("en-US")} streams open`, crowd.fanout));
  if (twoProcess) rows.push(...deliveryRows("two processes over Redis", twoProcess));
  if (claim) {
    rows.push(
      { name: `claim race, every claimer (${claim.latency.samples})`, ...claim.latency },
      { name: `claim race, the winner (${claim.winner.samples})`, ...claim.winner },
      { name: `the floor: ${claim.claimers} at once on the live route (${claim.liveBurst.samples})`, ...claim.liveBurst },
      { name: `the claim route's floor: ${claim.claimers} at once refused after the viewer check (${claim.refusedBurst.samples})`, ...claim.refusedBurst },
    );
  }
  if (fanout) {
    rows.push(
      { name: `in-process: publish → all ${fanout.subscribers} readers hold it (${fanout.allDelivered.samples})`, ...fanout.allDelivered },
      { name: `in-process: the publish call itself (${fanout.publishCall.samples})`, ...fanout.publishCall },
    );
  }
  if (rows.length) lines.push(formatTable(rows), "");
  lines.push(
    "Commit time: a deferred trigger on realtime_events (bench database only) records clock_timestamp() at COMMIT; " +
      "the client's parse time is on the same machine clock, calibrated against PostgreSQL's.",
  );
  if (latency) {
    lines.push(
      deliveryNote("Escalation latency", latency) +
        ` Ratio handoff-event p50 (from request) / handoff-response p50: ${(latency.groups[0]!.fromRequest.p50 / latency.request.p50).toFixed(2)}.`,
    );
  }
  if (crowd) {
    lines.push(
      `SSE crowd: app RSS ${crowd.beforeMiB.toFixed(0)} MiB → ${crowd.openMiB.toFixed(0)} MiB with ${crowd.connections} streams open ` +
        `(${signedMiB(crowd.openMiB - crowd.beforeMiB)}, ${crowd.perConnectionKiB.toFixed(1)} KiB per connection; opened in ${crowd.openSeconds.toFixed(0)} s), ` +
        `${crowd.afterCloseMiB.toFixed(0)} MiB 3 s after closing them; ${crowd.dropped} dropped while open.`,
      deliveryNote("Fan-out", crowd.fanout),
    );
  }
  if (twoProcess) {
    lines.push(
      deliveryNote("Two processes (REDIS_URL set on both; the POST goes to the first)", twoProcess) +
        ` Added cross-process hop (other − same process, commit → parsed): p50 ${twoProcess.hopP50.toFixed(2)} ms, p99 ${twoProcess.hopP99.toFixed(2)} ms.`,
    );
  }
  if (claim) {
    lines.push(
      `Claim race: ${claim.claimers} engineers at once, ${claim.rounds} rounds, the first ${claim.warmupRounds} untimed (as are the live route's first bursts); exactly one 200 and ${claim.claimers - 1} 409s in ` +
        `${claim.exactlyOneWinner}/${claim.rounds} rounds; statuses ${JSON.stringify(claim.statuses)}. ` +
        "The claim route's floor: the same POSTs with a malformed handoff id, each refused (422) right after its viewer's statement: every step of a claim but the claim statement.",
    );
  }
  if (fanout) {
    lines.push(
      `Fan-out in-process: ${fanout.subscribers} streams on one in-process bus, each read by its own loop; ratio all-delivered p50 / publish-call p50 ` +
        `${(fanout.allDelivered.p50 / fanout.publishCall.p50).toFixed(1)}.`,
    );
  }
  return lines;
}

/** "+63 MiB", or "−271 MiB" when a collection ran while measuring. */
function signedMiB(delta: number): string {
  return `${delta < 0 ? "−" : "+"}${Math.abs(delta).toFixed(0)} MiB`;
}
