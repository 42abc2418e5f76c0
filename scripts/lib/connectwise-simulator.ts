/**
 * The ConnectWise simulator `npm run dev` / `npm start` runs in-process as the demo tenant's PSA
 * (tests/fakes/connectwise/). CW_SIMULATOR_PORT: unset → 4310 when free, else any free port;
 * a number → exactly that port (Playwright picks one and inspects the simulator there); "off" → none.
 */
import type { ConnectWiseSimulator } from "../../tests/fakes/connectwise/simulator";

export const DEFAULT_SIMULATOR_PORT = 4310;

export async function startDevSimulator(setting = process.env.CW_SIMULATOR_PORT?.trim()): Promise<ConnectWiseSimulator | null> {
  if (setting?.toLowerCase() === "off") return null;
  const { startConnectWiseSimulator } = await import("../../tests/fakes/connectwise/simulator");
  if (setting) {
    const port = Number(setting);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`CW_SIMULATOR_PORT must be a port number or "off", not "${setting}".`);
    return startConnectWiseSimulator({ port });
  }
  try {
    return await startConnectWiseSimulator({ port: DEFAULT_SIMULATOR_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    return startConnectWiseSimulator({ port: 0 });
  }
}

/** OUTBOUND_ALLOW_HOSTS plus the simulator's loopback host:port (only that port), for the app process. */
export function allowSimulatorHost(current: string | undefined, simulatorUrl: string): string {
  const entry = new URL(simulatorUrl).host;
  const hosts = (current ?? "").split(",").map((host) => host.trim()).filter(Boolean);
  return hosts.includes(entry) ? hosts.join(",") : [...hosts, entry].join(",");
}
