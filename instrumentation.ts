/**
 * Next.js calls `register()` once per server instance. On the Node.js runtime it validates the
 * environment and starts the notification sweeper (instrumentation-node.ts). Nothing runs under
 * test or during `next build`.
 */
export async function register() {
  if (process.env.NODE_ENV === "test" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The documented shape: Next inlines NEXT_RUNTIME, so the Edge bundle drops this import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("./instrumentation-node");
    await startNodeServer();
  }
}
