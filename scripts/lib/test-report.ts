import { existsSync, readFileSync } from "node:fs";

export type TestCounts = { passed: number; failed: number; skipped: number };

/** A runner's counts and whether its own report calls the run a success. */
export type RunnerReport = { counts: TestCounts; success: boolean };

const zero: TestCounts = { passed: 0, failed: 0, skipped: 0 };

/**
 * Vitest's JSON report (the Jest-compatible shape); undefined when there is none. A suite that
 * failed to load counts as a failed test, since it has no tests of its own to count.
 */
export function readVitestReport(file: string): RunnerReport | undefined {
  const report = readJson(file) as {
    success?: boolean;
    numFailedTestSuites?: number;
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults?: { status?: string; assertionResults?: unknown[] }[];
  } | null;
  if (!report) return undefined;
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === "failed" && !file.assertionResults?.length).length;
  const failed = (report.numFailedTests ?? 0) + brokenFiles;
  return {
    counts: {
      passed: report.numPassedTests ?? 0,
      failed,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    },
    success: report.success === true && failed === 0 && !report.numFailedTestSuites,
  };
}

/** Playwright's JSON report; a flaky test counts as failed. Undefined when there is none. */
export function readPlaywrightReport(file: string): RunnerReport | undefined {
  const report = readJson(file) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
    errors?: unknown[];
  } | null;
  const stats = report?.stats;
  if (!stats) return undefined;
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  return {
    counts: { passed: stats.expected ?? 0, failed, skipped: stats.skipped ?? 0 },
    success: failed === 0 && !report?.errors?.length,
  };
}

/** Adds counts together. */
export function addCounts(...counts: TestCounts[]): TestCounts {
  return counts.reduce((sum, next) => ({
    passed: sum.passed + next.passed,
    failed: sum.failed + next.failed,
    skipped: sum.skipped + next.skipped,
  }), zero);
}

/** The plain closing line CI reads: `Total: N passed, N failed[, N skipped]`. */
export function formatCounts(counts: TestCounts): string {
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
  return `Total: ${counts.passed} passed, ${counts.failed} failed${skipped}`;
}

/** Seconds or minutes, for stage timings. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
