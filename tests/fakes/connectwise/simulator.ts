/**
 * A ConnectWise PSA simulator: a real HTTP server on 127.0.0.1 serving the API under
 * `/v4_6_release/apis/3.0` with seeded boards, per-board statuses, members, companies and
 * tickets, the conditions grammar, JSON-Patch, notes and schedule entries, and the real API's
 * traps (see traps.ts), each switchable at runtime. Tests read its state directly
 * (`ticket`, `notes`, `scheduleEntries`, `requests`); Playwright and dev use `/_sim/*`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ticketSnapshot, type LoggedRequest } from "./admin";
import type { SimContext } from "./context";
import { DEMO_SIMULATOR_CREDENTIALS, type SimCredentials } from "./credentials";
import { API_ROOT, handleHttp } from "./router";
import { createSerializer, type Json } from "./serialize";
import { createSeedState } from "./state";
import { defaultTraps, mergeTraps, type SimTraps } from "./traps";

export { DEMO_SIMULATOR_CREDENTIALS, SIM_API_MEMBER, type SimCredentials } from "./credentials";
export { SIM_BOARDS, SIM_COMPANIES, SIM_MEMBERS, SIM_PRIORITIES, SIM_PRIORITY, SIM_SCHEDULE_TYPES, SIM_STATUS, SIM_STATUSES } from "./seed";
export { SIM_TICKET_SEEDS, SIM_TICKETS } from "./seed-tickets";
export { FORBIDDEN_LISTS, type ForbiddenList, type SimTraps } from "./traps";
export type { LoggedRequest } from "./admin";
export { API_ROOT } from "./router";

export type ConnectWiseSimulatorOptions = { port?: number; credentials?: Partial<SimCredentials> };

export type ConnectWiseSimulator = {
  /** The site URL to configure (`http://127.0.0.1:PORT`); the API is at `${url}/v4_6_release/apis/3.0`. */
  url: string;
  /** `${url}/v4_6_release/apis/3.0`. */
  apiUrl: string;
  credentials: SimCredentials;
  /** The live traps; change them with `setTraps`. */
  traps: SimTraps;
  setTraps(partial: Partial<SimTraps>): void;
  resetTraps(): void;
  /** Reseeds the data and restores the default traps (the request log is cleared too). */
  reset(): void;
  /** The ticket as the API would answer it, or null. */
  ticket(id: number): Json | null;
  notes(ticketId: number): Json[];
  scheduleEntries(ticketId: number): Json[];
  /** Every non-admin request seen, oldest first, headers as sent (Authorization included). */
  requests: LoggedRequest[];
  close(): Promise<void>;
};

/** Starts the simulator on 127.0.0.1 (`port` 0 or absent: a free one). */
export async function startConnectWiseSimulator(options: ConnectWiseSimulatorOptions = {}): Promise<ConnectWiseSimulator> {
  const credentials: SimCredentials = { ...DEMO_SIMULATOR_CREDENTIALS, ...options.credentials };
  const requests: LoggedRequest[] = [];
  const traps = defaultTraps();
  const state = createSeedState();
  const context: SimContext = { state, traps, credentials, api: "", serialize: createSerializer(state, "") };
  const reseed = () => {
    context.state = createSeedState();
    context.serialize = createSerializer(context.state, context.api);
  };
  const resetTraps = () => Object.assign(traps, defaultTraps());
  const hooks = {
    context,
    requests,
    reset() {
      reseed();
      resetTraps();
      requests.length = 0;
    },
  };

  const server = createServer((request, response) => void handleHttp(request, response, hooks));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  context.api = `${url}${API_ROOT}`;
  reseed();

  return {
    url,
    apiUrl: context.api,
    credentials,
    traps,
    setTraps(partial) {
      mergeTraps(traps, partial);
    },
    resetTraps,
    reset: hooks.reset,
    ticket: (id) => ticketSnapshot(context, id)?.ticket ?? null,
    notes: (ticketId) => ticketSnapshot(context, ticketId)?.notes ?? [],
    scheduleEntries: (ticketId) => ticketSnapshot(context, ticketId)?.scheduleEntries ?? [],
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
