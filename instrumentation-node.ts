/**
 * The Node.js side of instrumentation.ts, in its own module so the Edge bundle never sees it.
 * At boot it validates the environment: the build runs without the runtime secrets (lib/env.ts),
 * so the server checks them here and refuses to start with one sentence naming what is missing,
 * instead of failing on the first request. It refuses a database role that would skip row-level
 * security (SPEC A6). Then it starts the notification sweeper (F9): every
 * NOTIFICATION_SWEEP_SECONDS it sends reminders for unclaimed escalations and retries due
 * deliveries, including those a crash left between commit and send. Off when the interval is 0.
 */
export async function startNodeServer() {
  const env = await loadEnvOrExit();
  await refuseUnsafeDatabaseRole();
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

async function loadEnvOrExit() {
  try {
    return (await import("@/lib/env")).env;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** A6: the second wall only holds if the app's role can't step over it. */
async function refuseUnsafeDatabaseRole() {
  const { appRoleProblem } = await import("@/lib/tenancy/assert-app-role");
  const problem = await appRoleProblem().catch((error: unknown) => `FlowPilot can't reach its database: ${error instanceof Error ? error.message : String(error)}`);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
