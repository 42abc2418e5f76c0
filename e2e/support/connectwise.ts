import type { APIRequestContext } from "@playwright/test";
import { DEMO_SIMULATOR_CREDENTIALS, type SimTraps } from "../../tests/fakes/connectwise/simulator";
import { defaultTraps } from "../../tests/fakes/connectwise/traps";

/**
 * Inspects and scripts the ConnectWise simulator that the app under test uses as the demo
 * tenant's PSA (started by `npm start` on CW_SIMULATOR_PORT, see playwright.config.ts), through
 * its `/_sim/*` admin API. Pass any APIRequestContext (the `request` fixture or `page.request`);
 * the calls go to the simulator's absolute URL, not the app.
 *
 * One simulator serves the whole run and both workers: traps and data are global. Specs that run
 * beside others should read only tickets they changed, and leave traps as they found them
 * (`resetSimulatorTraps` right after), keeping `resetSimulator` for specs that run alone.
 */

export type { SimTraps };
/** The credentials the seed configured the demo tenant with (what Settings → PSA should hold). */
export const simulatorCredentials = DEMO_SIMULATOR_CREDENTIALS;

type Json = Record<string, unknown>;
/** What `/_sim/tickets/:id` answers: the ticket as the API shows it, its notes and its schedule entries. */
export type SimulatorTicket = { ticket: Json; notes: Json[]; scheduleEntries: Json[] };
export type SimulatorRequest = { method: string; path: string; query: Record<string, string>; headers: Record<string, string | string[] | undefined>; body: unknown };

/** The simulator's site URL (what Settings → PSA's "Site" is for the demo tenant in this run). */
export function cwSimulatorUrl(): string {
  const url = process.env.E2E_CW_SIMULATOR_URL;
  if (!url) throw new Error("E2E_CW_SIMULATOR_URL is not set: run the specs through playwright.config.ts, which starts the app with the simulator.");
  return url;
}

async function admin<T>(request: APIRequestContext, method: "GET" | "POST" | "DELETE", route: string, data?: unknown): Promise<T> {
  const url = `${cwSimulatorUrl()}/_sim/${route}`;
  const response = method === "GET" ? await request.get(url) : method === "DELETE" ? await request.delete(url) : await request.post(url, { data: data ?? {} });
  if (!response.ok()) throw new Error(`ConnectWise simulator: ${method} /_sim/${route} answered ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Reseeds the data and restores the default traps (clears the request log too). Only for specs that run alone. */
export async function resetSimulator(request: APIRequestContext): Promise<void> {
  await admin(request, "POST", "reset");
}

/** Switches traps (a partial; the rest stay); resolves with all of them as now set. */
export function setSimulatorTraps(request: APIRequestContext, traps: Partial<SimTraps>): Promise<SimTraps> {
  return admin<SimTraps>(request, "POST", "traps", traps);
}

/** Puts every trap back to its default, without touching the data. */
export function resetSimulatorTraps(request: APIRequestContext): Promise<SimTraps> {
  return setSimulatorTraps(request, defaultTraps());
}

/** A ticket with its notes and schedule entries, as the simulator holds it now. */
export function simulatorTicket(request: APIRequestContext, ticketId: number | string): Promise<SimulatorTicket> {
  return admin<SimulatorTicket>(request, "GET", `tickets/${ticketId}`);
}

/** Every API request the simulator has seen since the last reset, oldest first. */
export function simulatorRequests(request: APIRequestContext): Promise<SimulatorRequest[]> {
  return admin<SimulatorRequest[]>(request, "GET", "requests");
}
