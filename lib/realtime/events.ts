import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Live event types on the escalation stream (F4). */
export type RealtimeEventType = "handoff_created" | "handoff_claimed" | "handoff_reminded";

/** One account-scoped live event; `id` is the SSE event id (a bigint, carried as a string). */
export type RealtimeEvent = { id: string; accountId: string; type: RealtimeEventType; payload: Record<string, unknown>; createdAt: string };

type EventRow = { id: bigint; accountId: string; type: string; payload: unknown; createdAt: Date };

function toEvent(row: EventRow): RealtimeEvent {
  return {
    id: row.id.toString(), accountId: row.accountId, type: row.type as RealtimeEventType,
    payload: row.payload as Record<string, unknown>, createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Persists a live event inside the caller's transaction, so it exists exactly when the change it
 * describes does. Publishing happens after commit (`escalationBus.publish`); a reconnecting
 * client replays missed events from this table.
 *
 * A per-account transaction lock, held until commit, makes an account's event ids commit in the
 * order they are drawn; otherwise a client could see id 8 while 7 was still uncommitted and
 * never replay it. Only that account's escalations and claims wait on it, unlike a NOTIFY, which
 * serializes every commit in the database.
 */
export async function recordRealtimeEvent(tx: Tx, accountId: string, type: RealtimeEventType, payload: Record<string, unknown>) {
  await tx.$executeRaw`SELECT ${accountEventLock(accountId)}`;
  const row = await tx.realtimeEvent.create({ data: { accountId, type, payload: payload as object } });
  return toEvent(row);
}

/**
 * The call taking the account's event lock (see recordRealtimeEvent), for a statement that draws
 * an event id itself: it must run before the id is drawn, e.g. in a CTE the INSERT selects from.
 */
export function accountEventLock(accountId: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtextextended(${`realtime:${accountId}`}, 0))`;
}

/** The account's events after `afterId`, oldest first (Last-Event-ID replay). */
export async function realtimeEventsAfter(accountId: string, afterId: string, limit = 500) {
  const rows = await db.realtimeEvent.findMany({
    where: { accountId, id: { gt: BigInt(afterId) } },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map(toEvent);
}

/** The id of the account's newest event, or "0" when it has none: where a fresh stream starts. */
export async function latestRealtimeEventId(accountId: string) {
  const row = await db.realtimeEvent.findFirst({ where: { accountId }, orderBy: { id: "desc" }, select: { id: true } });
  return row ? row.id.toString() : "0";
}
