import { db } from "@/lib/db";

/** One PSA write as the session's timeline tells it: what was attempted on which ticket, and how it went. */
export type PsaWriteRecord = {
  action: "note" | "status" | "assignment" | "ticket_created";
  ticket_id: string;
  ok: boolean;
  /** For people: "Posted the resolution note", "ConnectWise kept the ticket in 'New': …". */
  detail: string;
  external_id?: string | null;
};

type Target = { sessionId: string } | { ticketId: string };

/**
 * Records a PSA write on the timeline (a system step) of the session it was made for, or of every
 * session of the account linked to the ticket. Never throws: a failed record is logged, and the
 * write it describes stands.
 */
export async function recordPsaWrite(accountId: string, userId: string | null, target: Target, record: PsaWriteRecord): Promise<void> {
  try {
    const sessionIds =
      "sessionId" in target
        ? [target.sessionId]
        : (await db.aiSession.findMany({ where: { accountId, psaTicketId: target.ticketId }, select: { id: true } })).map((session) => session.id);
    if (sessionIds.length === 0) return;
    await db.aiSessionStep.createMany({
      data: sessionIds.map((sessionId) => ({
        accountId,
        sessionId,
        userId,
        kind: "system_event" as const,
        content: `${record.ok ? "PSA" : "PSA failed"} · ticket #${record.ticket_id}: ${record.detail}`,
        metadata: { type: "psa_write", ...record, external_id: record.external_id ?? null },
      })),
    });
  } catch (error) {
    console.error(JSON.stringify({ event: "psa.timeline_record_failed", account_id: accountId, action: record.action, ticket_id: record.ticket_id, error: String(error) }));
  }
}
