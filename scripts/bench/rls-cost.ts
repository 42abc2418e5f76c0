import pg from "pg";
import { chatTurn, createBenchSession, type Client } from "./model-bench";
import { processCpuMs, processGroup } from "./process-cpu";
import { percentile } from "./stats";

/** Rounds per mode; each round alternates which mode goes first, so drift in the machine's load hits both. */
const ROUNDS = 6;
const TURNS_PER_ROUND = 15;
const READS_PER_ROUND = 60;

type Mode = "on" | "off";
type Path = "chat turn" | "/api/v1/me" | "/api/v1/shell/counts";
type Sample = { wall: number[]; appCpuMs: number; databaseCpuMs: number; calls: number };

export type RlsCostRow = { path: Path; on: { p50: number; cpuPerCall: number }; off: { p50: number; cpuPerCall: number }; databaseCpuKnown: boolean };

type Context = { client: Client; databaseUrl: string; serverPgid: number; meUrl: string; countsUrl: string };

/**
 * What the second wall (SPEC A6) costs on the hot paths, measured in one run: the same requests
 * with row-level security on, then off (ALTER TABLE … DISABLE, as the tables' owner; the pool's
 * scoping is unchanged), round after round. Each path reports its p50 and the CPU per call of the
 * app server plus the database's backends, which two shared cores make the steadier figure.
 */
export async function measureRlsCost(context: Context): Promise<RlsCostRow[]> {
  const owner = new pg.Client({ connectionString: context.databaseUrl });
  await owner.connect();
  const tables = (await owner.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND rowsecurity")).rows.map((row) => row.name);
  const setMode = (mode: Mode) => owner.query(tables.map((table) => `ALTER TABLE "${table}" ${mode === "on" ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY;`).join("\n"));
  try {
    if (tables.length === 0) throw new Error("no table has row-level security on: nothing to compare");
    const backendCpu = async () => {
      const pids = (await owner.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows;
      return pids.reduce((sum, { pid }) => sum + processCpuMs(pid), 0);
    };
    const appCpu = () => processGroup(context.serverPgid).reduce((sum, pid) => sum + processCpuMs(pid), 0);

    const sessions = [await createBenchSession(context.client, "RLS cost: printer queue stuck"), await createBenchSession(context.client, "RLS cost: VPN drops")];
    let turnNumber = 0;
    const calls: Record<Path, () => Promise<number>> = {
      "chat turn": async () => (await chatTurn(context.client, sessions[turnNumber++ % sessions.length]!, `RLS cost turn ${turnNumber}: still stuck.`)).ms,
      "/api/v1/me": () => timedGet(context.meUrl, context.client.cookie),
      "/api/v1/shell/counts": () => timedGet(context.countsUrl, context.client.cookie),
    };
    const perRound: Record<Path, number> = { "chat turn": TURNS_PER_ROUND, "/api/v1/me": READS_PER_ROUND, "/api/v1/shell/counts": READS_PER_ROUND };
    const emptySamples = (): Record<Path, Sample> => ({
      "chat turn": { wall: [], appCpuMs: 0, databaseCpuMs: 0, calls: 0 },
      "/api/v1/me": { wall: [], appCpuMs: 0, databaseCpuMs: 0, calls: 0 },
      "/api/v1/shell/counts": { wall: [], appCpuMs: 0, databaseCpuMs: 0, calls: 0 },
    });
    const samples: Record<Mode, Record<Path, Sample>> = { on: emptySamples(), off: emptySamples() };
    let databaseCpuKnown = true;

    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
        await setMode(mode);
        for (const path of Object.keys(calls) as Path[]) {
          for (let i = 0; i < 3; i += 1) await calls[path]();
          const [app0, db0] = [appCpu(), await backendCpu()];
          for (let i = 0; i < perRound[path]; i += 1) samples[mode][path].wall.push(await calls[path]());
          const [app1, db1] = [appCpu(), await backendCpu()];
          // A backend that exited mid-round makes the difference negative: the database column is then unknown.
          if (db1 < db0) databaseCpuKnown = false;
          Object.assign(samples[mode][path], {
            appCpuMs: samples[mode][path].appCpuMs + app1 - app0,
            databaseCpuMs: samples[mode][path].databaseCpuMs + db1 - db0,
            calls: samples[mode][path].calls + perRound[path],
          });
        }
      }
    }
    return (Object.keys(calls) as Path[]).map((path) => {
      const summary = (mode: Mode) => {
        const sample = samples[mode][path];
        return { p50: percentile(sample.wall, 50), cpuPerCall: (sample.appCpuMs + sample.databaseCpuMs) / sample.calls };
      };
      return { path, on: summary("on"), off: summary("off"), databaseCpuKnown };
    });
  } finally {
    // The rest of the bench, and the next run on this database, measure the app as it ships.
    if (tables.length > 0) await setMode("on");
    await owner.end();
  }
}

async function timedGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** The report's lines: per path, p50 and CPU per call with RLS on and off, and their ratios. */
export function formatRlsCost(rows: readonly RlsCostRow[]): string[] {
  const lines = [
    `Row-level security cost (SPEC A6): the same sequential calls with RLS on and off, ${ROUNDS} interleaved rounds each; ` +
      "CPU is the app server's plus the database backends' per call.",
  ];
  for (const row of rows) {
    const cpu = row.databaseCpuKnown ? `CPU/call ${row.on.cpuPerCall.toFixed(2)} vs ${row.off.cpuPerCall.toFixed(2)} ms (×${(row.on.cpuPerCall / row.off.cpuPerCall).toFixed(2)})` : "CPU: unknown (a backend exited mid-round)";
    lines.push(`  ${row.path}: p50 ${row.on.p50.toFixed(2)} vs ${row.off.p50.toFixed(2)} ms (×${(row.on.p50 / row.off.p50).toFixed(2)}); ${cpu}`);
  }
  return lines;
}
