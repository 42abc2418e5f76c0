/**
 * The admin API for Playwright and dev (no auth, never logged): `GET /_sim/health`,
 * `POST /_sim/reset`, `GET|POST /_sim/traps` (a JSON partial of the traps), `GET /_sim/tickets/:id`
 * (ticket + notes + schedule entries), `GET|DELETE /_sim/requests`.
 */
import type { SimContext } from "./context";
import type { SimRequest, SimResponse } from "./http";
import { mergeTraps } from "./traps";

export type LoggedRequest = { method: string; path: string; query: Record<string, string>; headers: SimRequest["headers"]; body: unknown };

export type AdminHooks = { context: SimContext; requests: LoggedRequest[]; reset(): void };

/** Everything the admin API and `sim.ticket()` show about one ticket, or null. */
export function ticketSnapshot(context: SimContext, id: number) {
  const ticket = context.state.tickets.get(id);
  if (!ticket) return null;
  return {
    ticket: context.serialize.ticket(ticket),
    notes: context.state.notes.filter((note) => note.ticketId === id).map(context.serialize.note),
    scheduleEntries: context.state.entries.filter((entry) => entry.objectId === id).map(context.serialize.entry),
  };
}

export function handleAdmin(request: SimRequest, hooks: AdminHooks): SimResponse {
  const route = `${request.method} ${request.path.replace(/\/+$/, "")}`;
  const ticketMatch = /^GET \/_sim\/tickets\/(\d+)$/.exec(route);
  if (ticketMatch) {
    const snapshot = ticketSnapshot(hooks.context, Number(ticketMatch[1]));
    return snapshot ? { status: 200, body: snapshot } : { status: 404, body: { error: `no ticket ${ticketMatch[1]}` } };
  }
  switch (route) {
    case "GET /_sim/health":
      return { status: 200, body: { ok: true, tickets: hooks.context.state.tickets.size, companyId: hooks.context.credentials.companyId } };
    case "POST /_sim/reset":
      hooks.reset();
      return { status: 200, body: { ok: true } };
    case "GET /_sim/traps":
      return { status: 200, body: hooks.context.traps };
    case "POST /_sim/traps":
      try {
        mergeTraps(hooks.context.traps, request.body);
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
      }
      return { status: 200, body: hooks.context.traps };
    case "GET /_sim/requests":
      return { status: 200, body: hooks.requests };
    case "DELETE /_sim/requests":
      hooks.requests.length = 0;
      return { status: 204 };
    default:
      return { status: 404, body: { error: `no admin route ${route}` } };
  }
}
