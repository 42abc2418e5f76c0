import path from "node:path";

/**
 * Stops a fake started as its own process (Playwright's webServer) on SIGTERM or SIGINT: closes it,
 * says so, and exits, within two seconds even if a client holds a stream open.
 */
export function stopOnSignals(name: string, close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 2_000).unref();
    void close().then(() => {
      console.log(`${name} stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** Runs `main` when `filename` is the script tsx was started with, not when the module is imported. */
export function runIfMain(filename: string, main: () => Promise<void>): void {
  if (!process.argv[1] || path.resolve(process.argv[1]).replace(/\.ts$/, "") !== filename.replace(/\.ts$/, "")) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
