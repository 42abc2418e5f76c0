import { db } from "@/lib/db";
import type { FactSourceKind } from "@/lib/generated/prisma/enums";
import type { TestUser } from "@/tests/helpers/tenant";

/** The session's state_version as stored (B4). */
export async function stateVersionOf(sessionId: string): Promise<number> {
  return (await db.aiSession.findUniqueOrThrow({ where: { id: sessionId }, select: { stateVersion: true } })).stateVersion;
}

/** Sets a session's task lane (B3) directly. */
export async function setTaskLane(sessionId: string, lane: { questions?: object[]; actions?: object[] }) {
  await db.aiSession.update({ where: { id: sessionId }, data: { pendingTaskLane: { questions: [], actions: [], ...lane } } });
}

/** A live fact written straight to the table (an engineer note unless told). */
export async function addFact(
  user: TestUser,
  sessionId: string,
  fact: { text?: string; sourceKind?: FactSourceKind; sourceRef?: string | null } = {},
) {
  return db.sessionFact.create({
    data: {
      accountId: user.accountId,
      sessionId,
      createdById: user.id,
      text: fact.text ?? "The spooler service is stopped.",
      sourceKind: fact.sourceKind ?? "engineer_note",
      sourceRef: fact.sourceRef ?? null,
    },
  });
}
