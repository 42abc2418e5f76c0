/** The small pieces `npm run bench` (scripts/bench/run.ts) is driven by: its arguments and what it stamps on a run. */
import { execFileSync } from "node:child_process";
import os from "node:os";

/** What `npm run bench -- <part> …` can run alone; none named runs them all. */
export const PARTS = ["http", "lists", "model", "rls", "micro", "queries", "realtime", "twoproc"] as const;
export type Part = (typeof PARTS)[number];

/** The parts named (all when none is), whether that is a full run, and the `--label <text>` of its section. */
export function parseBenchArgs(args: readonly string[]) {
  const labelAt = args.indexOf("--label");
  const label = labelAt >= 0 ? args[labelAt + 1] : undefined;
  const unknown = args.filter((arg, i) => !(PARTS as readonly string[]).includes(arg) && arg !== "--label" && i !== labelAt + 1);
  if (unknown.length) throw new Error(`Unknown bench part(s) ${unknown.join(", ")}; the parts are ${PARTS.join(", ")}`);
  const named = args.filter((arg): arg is Part => (PARTS as readonly string[]).includes(arg));
  return { parts: new Set<Part>(named.length ? named : PARTS), full: named.length === 0, label };
}

/** A GET that must answer 2xx as `cookie`'s user, returning its JSON; throws with the answer otherwise. */
export async function expectOk(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Seconds since a `performance.now()` reading, for progress lines. */
export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The checkout's short commit, marked when tracked files have uncommitted changes. */
export function gitRevision(root: string): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown revision";
  }
}

/** One line naming the machine a run measured on: cores, CPU, memory, load at the start, Node. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return (
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `load ${os.loadavg().map((load) => load.toFixed(2)).join(" ")} at the start, Node ${process.version}.`
  );
}

/**
 * The run's report: each line printed and kept (for .data/bench-results.txt and docs/benchmarks.md),
 * and `orReport`, which reports a part that failed and lets the run go on, since the other figures
 * still count.
 */
export function createReport() {
  const lines: string[] = [];
  const report = (line = "") => {
    lines.push(line);
    console.log(line);
  };
  async function orReport<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      report(`${name}: failed, not measured (${error instanceof Error ? error.message : String(error)})`);
      console.error(error);
      return undefined;
    }
  }
  return { lines, report, orReport };
}
