/**
 * Next.js calls `register()` once per server instance. On the Node.js runtime it starts the
 * notification sweeper (F9): every NOTIFICATION_SWEEP_SECONDS it sends reminders for unclaimed
 * escalations and retries due deliveries, including those a crash left between commit and send.
 * Off when the interval is 0, under test, and during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "test" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const seconds = env.NOTIFICATION_SWEEP_SECONDS;
  if (seconds <= 0) return;

  const globalForSweeper = globalThis as unknown as { flowpilotSweeper?: NodeJS.Timeout };
  if (globalForSweeper.flowpilotSweeper) return;
  const { sweepDeliveries } = await import("@/lib/notifications/dispatcher");
  const { renotifyUnclaimed } = await import("@/lib/notifications/renotify");

  let running = false;
  const tick = async () => {
    // A slow sweep (a provider timing out) must not overlap the next one.
    if (running) return;
    running = true;
    try {
      await renotifyUnclaimed();
      await sweepDeliveries();
    } catch (error) {
      console.error(JSON.stringify({ event: "notifications.sweep_failed", error: error instanceof Error ? error.message : String(error) }));
    } finally {
      running = false;
    }
  };
  globalForSweeper.flowpilotSweeper = setInterval(() => void tick(), seconds * 1000);
  // The timer never keeps the process alive on shutdown.
  globalForSweeper.flowpilotSweeper.unref();
}
