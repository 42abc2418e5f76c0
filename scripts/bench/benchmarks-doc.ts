import { appendFileSync, existsSync, writeFileSync } from "node:fs";

const PREAMBLE = [
  "# Benchmarks",
  "",
  "`npm run bench` appends a section here after each full run (`.data/bench-results.txt` holds the",
  "latest run of any part). Each section names its date, git revision and machine. The machines are",
  "2 shared cores: compare ratios to the live route from the same run, and runs on the same machine,",
  "not absolute times across sections.",
  "",
].join("\n");

/** One dated section: a heading, the machine line, then the report verbatim in a fenced block. */
export function benchmarkSection(options: { date: Date; revision: string; label?: string; machine: string; note?: string; report: readonly string[] }): string {
  const when = options.date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const heading = `## ${when} — ${options.revision}${options.label ? ` — ${options.label}` : ""}`;
  return [heading, "", options.machine, ...(options.note ? ["", options.note] : []), "", "```text", ...options.report, "```", ""].join("\n");
}

/** Appends `section` to the benchmarks document at `file`, creating it with its preamble. */
export function appendBenchmarkSection(file: string, section: string) {
  if (!existsSync(file)) writeFileSync(file, `${PREAMBLE}\n`);
  appendFileSync(file, `${section}\n`);
}
