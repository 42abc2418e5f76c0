import http from "node:http";
import autocannon from "autocannon";
import { percentile } from "./stats";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

/** Drives `url` with autocannon for `seconds` over `connections` keep-alive connections. */
export async function measureHttp(url: string, options: { cookie: string; seconds: number; connections: number }): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { cookie: options.cookie, accept: "application/json" },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export type PageLoadResult = LoadResult & { ttfbP50: number; ttfbP99: number };

/**
 * A page under load with its time to first byte, which autocannon does not report: `connections`
 * keep-alive loops, each requesting `url` again as soon as the last answer ended, for `seconds`.
 * TTFB is request start → status line and headers received (what Next flushes with the shell).
 * An answer other than `expectedStatus` (any 2xx by default) counts in `non2xx`.
 */
export async function measurePage(url: string, options: { cookie: string; seconds: number; connections: number; expectedStatus?: number }): Promise<PageLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const ttfbs: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.get(url, { agent, headers: { cookie: options.cookie, accept: "text/html" } }, (response) => {
        ttfbs.push(performance.now() - started);
        const status = response.statusCode ?? 0;
        if (options.expectedStatus === undefined ? status < 200 || status >= 300 : status !== options.expectedStatus) non2xx += 1;
        response.on("data", () => {});
        response.on("end", () => {
          latencies.push(performance.now() - started);
          resolve();
        });
        response.on("error", () => {
          errors += 1;
          resolve();
        });
      });
      request.on("error", () => {
        errors += 1;
        resolve();
      });
    });
  const began = performance.now();
  const deadline = began + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ttfbP50: percentile(ttfbs, 50),
    ttfbP99: percentile(ttfbs, 99),
    requests: latencies.length,
    non2xx,
    errors,
  };
}
