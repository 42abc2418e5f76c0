import autocannon from "autocannon";

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
