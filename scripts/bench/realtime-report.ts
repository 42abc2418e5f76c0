import type { ClaimResult, FanoutResult, LatencyResult, MemoryResult } from "./realtime-bench";
import { formatTable } from "./stats";

export type RealtimeResults = { latency?: LatencyResult; memory?: MemoryResult; fanout?: FanoutResult; claim?: ClaimResult };

/** The real-time section of the bench report, one line per figure, ratios where they help. */
export function formatRealtimeReport(results: RealtimeResults): string[] {
  const lines: string[] = [];
  const { latency, memory, fanout, claim } = results;
  const rows = [];
  if (latency) {
    rows.push(
      { name: `escalate → handoff_created, each subscriber (${latency.delivery.samples})`, ...latency.delivery },
      { name: `escalate → handoff_created, last subscriber (${latency.lastSubscriber.samples})`, ...latency.lastSubscriber },
      { name: `first → last subscriber of one escalation (${latency.spread.samples})`, ...latency.spread },
      { name: `POST …/handoff response, subscribers listening (${latency.request.samples})`, ...latency.request },
    );
  }
  if (claim) {
    rows.push(
      { name: `claim race, every claimer (${claim.latency.samples})`, ...claim.latency },
      { name: `claim race, the winner (${claim.winner.samples})`, ...claim.winner },
    );
  }
  if (fanout) {
    rows.push(
      { name: `in-process: publish → all ${fanout.subscribers} readers hold it (${fanout.allDelivered.samples})`, ...fanout.allDelivered },
      { name: `in-process: the publish call itself (${fanout.publishCall.samples})`, ...fanout.publishCall },
    );
  }
  if (rows.length) lines.push(formatTable(rows), "");
  if (latency) {
    lines.push(
      `Escalation latency: request start → subscriber parsed the event; ${latency.lastSubscriber.samples} sequential escalations ` +
        `with every subscriber connected; ${latency.missing} deliveries missing, ${latency.dropped} connections dropped. ` +
        `Ratio handoff-event p50 / handoff-response p50: ${(latency.delivery.p50 / latency.request.p50).toFixed(2)}.`,
    );
  }
  if (memory) {
    lines.push(
      `Memory: app RSS ${memory.beforeMiB.toFixed(0)} MiB → ${memory.openMiB.toFixed(0)} MiB with ${memory.connections} SSE connections open ` +
        `(${memory.perConnectionKiB.toFixed(1)} KiB per connection), ${memory.afterCloseMiB.toFixed(0)} MiB 3 s after closing them; ` +
        `${memory.dropped} dropped while open.`,
    );
  }
  if (claim) {
    lines.push(
      `Claim race: ${claim.claimers} engineers at once, ${claim.rounds} rounds; exactly one 200 and ${claim.claimers - 1} 409s in ` +
        `${claim.exactlyOneWinner}/${claim.rounds} rounds; statuses ${JSON.stringify(claim.statuses)}.`,
    );
  }
  if (fanout) {
    lines.push(
      `Fan-out: ${fanout.subscribers} streams on one in-process bus, each read by its own loop; ratio all-delivered p50 / publish-call p50 ` +
        `${(fanout.allDelivered.p50 / fanout.publishCall.p50).toFixed(1)}.`,
    );
  }
  return lines;
}
