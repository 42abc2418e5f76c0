/**
 * Two app processes on one database with REDIS_URL set on both: the escalation POST goes to the
 * first, subscribers listen on each. The cross-process hop is what the second process's
 * subscribers wait beyond the first's, commit → parsed, at p50 and p99.
 */
import path from "node:path";
import { findFreePort } from "../lib/embedded-database";
import { startAppServer } from "./app-server";
import type { CommitClock } from "./commit-clock";
import { measureDelivery } from "./realtime-bench";
import type { TwoProcessResult } from "./realtime-report";

const SUBSCRIBERS_PER_PROCESS = 100;

type Options = {
  root: string;
  env: NodeJS.ProcessEnv;
  redisUrl: string;
  commitClock: CommitClock;
  watcherCookies: () => Promise<string[]>;
  escalatorCookie: () => Promise<string>;
};

export async function measureTwoProcesses(options: Options): Promise<TwoProcessResult> {
  const servers = [];
  try {
    for (const name of ["first", "second"]) {
      const port = await findFreePort();
      servers.push(
        await startAppServer({
          root: options.root,
          port,
          env: { ...options.env, PORT: String(port), REDIS_URL: options.redisUrl, APP_URL: `http://127.0.0.1:${port}` },
          logFile: path.join(options.root, ".data", `bench-next-${name}-redis.log`),
        }),
      );
    }
    const [first, second] = servers as [(typeof servers)[number], (typeof servers)[number]];
    const cookies = await options.watcherCookies();
    const result = await measureDelivery({
      escalateOn: first.url,
      escalatorCookie: await options.escalatorCookie(),
      groups: [
        { name: "same process as the POST", appUrl: first.url, count: SUBSCRIBERS_PER_PROCESS, cookies },
        { name: "other process", appUrl: second.url, count: SUBSCRIBERS_PER_PROCESS, cookies },
      ],
      commitClock: options.commitClock,
      escalations: 30,
      warmup: 5,
    });
    const [same, other] = result.groups as [(typeof result.groups)[number], (typeof result.groups)[number]];
    return { ...result, hopP50: other.fromCommit.p50 - same.fromCommit.p50, hopP99: other.fromCommit.p99 - same.fromCommit.p99 };
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}
