/** The value at percentile `p` (0–100) of `samples` by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

/** A set of samples as the reports print them. */
export type Timing = { p50: number; p99: number; samples: number };

export const timing = (samples: readonly number[]): Timing => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length });

export type Row = { name: string; requestsPerSecond?: number; p50: number; p99: number };

/** A fixed-width text table: endpoint, requests/s, p50 and p99 in milliseconds. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["endpoint", "requests/s", "p50 ms", "p99 ms"];
  const body = rows.map((row) => [
    row.name,
    row.requestsPerSecond === undefined ? "–" : row.requestsPerSecond.toFixed(0),
    formatMs(row.p50),
    formatMs(row.p99),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export type LoadRow = { name: string; requestsPerSecond: number; p50: number; p99: number; ttfbP50?: number; ttfbP99?: number };

/**
 * HTTP figures beside the floor measured in the same run: requests/s, that rate as a share of
 * `floorRps` (the live route's), p50 and p99, and time to first byte where measured.
 */
export function formatLoadTable(rows: readonly LoadRow[], floorRps: number): string {
  const header = ["endpoint", "requests/s", "× live", "p50 ms", "p99 ms", "TTFB p50", "TTFB p99"];
  const body = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    (row.requestsPerSecond / floorRps).toFixed(2),
    formatMs(row.p50),
    formatMs(row.p99),
    row.ttfbP50 === undefined ? "–" : formatMs(row.ttfbP50),
    row.ttfbP99 === undefined ? "–" : formatMs(row.ttfbP99),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}
