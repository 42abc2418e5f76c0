import { runInSystemScope } from "../../lib/tenancy/scope";

/** What a benchmark started, stopped in reverse order once, on success, failure or Ctrl-C. */
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

/** Registers something to stop when the benchmark ends. */
export function onCleanup(cleanup: () => Promise<void>) {
  cleanups.push(cleanup);
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  })();
  return cleaning;
}

/**
 * Runs `main`, then stops everything it started; a failure sets the exit code, a signal exits 130.
 * The benchmark's own data setup runs in the seed's system context; what it measures in-process
 * enters the viewer's tenant scope, as a request would.
 */
export function runBench(main: () => Promise<void>) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping what the benchmark started …`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  runInSystemScope("seed", main)
    .then(cleanUp, async (error) => {
      console.error(error);
      await cleanUp();
      process.exitCode = 1;
    })
    .then(() => process.exit());
}
