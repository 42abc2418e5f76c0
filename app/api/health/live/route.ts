import { jsonResponse } from "@/lib/http/json-response";

/** Liveness for load balancers, and the bench's floor: no I/O, no sign-in, never cached. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return jsonResponse({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
