/** Test-side HTTP to a simulator with its own credentials: what a well-behaved CW client sends. */
import type { ConnectWiseSimulator } from "./simulator";

export type CallOptions = { body?: unknown; query?: Record<string, string | number>; headers?: Record<string, string>; auth?: string | null; clientId?: string | null };

export function basicAuth(companyId: string, publicKey: string, privateKey: string) {
  return `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString("base64")}`;
}

/** Calls `${sim.apiUrl}${path}`; resolves with status, headers and the parsed JSON body. */
export async function callSim(sim: ConnectWiseSimulator, method: string, path: string, options: CallOptions = {}) {
  const url = new URL(path.startsWith("http") ? path : `${sim.apiUrl}${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
  const { companyId, publicKey, privateKey, clientId } = sim.credentials;
  const headers: Record<string, string> = { accept: "application/vnd.connectwise.com+json; version=2025.1", ...options.headers };
  const auth = options.auth === undefined ? basicAuth(companyId, publicKey, privateKey) : options.auth;
  if (auth !== null) headers.authorization = auth;
  const client = options.clientId === undefined ? clientId : options.clientId;
  if (client !== null) headers.clientId = client;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary CW JSON
  const body: any = text ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, body };
}
