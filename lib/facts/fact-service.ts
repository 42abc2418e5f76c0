import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { forbidden, invalid, notFound } from "@/lib/errors";
import type { FactSourceKind } from "@/lib/generated/prisma/enums";
import { EDITABLE_SOURCES, factSelect, toFactView, type FactView } from "@/lib/facts/fact-view";
import type { CreateFactInput, FactParams, UpdateFactInput } from "@/lib/facts/schemas";
import { findLaneItem } from "@/lib/facts/task-lane";
import { readableSessionWhere } from "@/lib/sessions/session-access";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { bumpStateVersion } from "@/lib/sessions/state-version";

export const TX_OPTIONS = { timeout: 10_000 } as const;

export type NewFact = { text: string; sourceKind?: FactSourceKind; sourceRef?: string | null };

/**
 * Inserts facts for a session inside the caller's transaction and bumps its state_version once
 * (B4), e.g. for the chat turn's [PROMOTE] markers. Blank texts are skipped; facts default to
 * source ai_promote. Returns the inserted facts; inserts nothing and bumps nothing for none.
 */
export async function insertFacts(
  tx: Tx,
  input: { accountId: string; sessionId: string; userId: string | null; facts: NewFact[] },
): Promise<FactView[]> {
  const data = input.facts
    .map((fact) => ({ ...fact, text: fact.text.trim() }))
    .filter((fact) => fact.text.length > 0)
    .map((fact) => ({
      accountId: input.accountId,
      sessionId: input.sessionId,
      createdById: input.userId,
      text: fact.text,
      sourceKind: fact.sourceKind ?? "ai_promote",
      sourceRef: fact.sourceRef ?? null,
    }));
  if (data.length === 0) return [];
  const created = await tx.sessionFact.createManyAndReturn({ data, select: factSelect });
  await bumpStateVersion(tx, input.sessionId);
  return created.map(toFactView);
}

/** The live facts of a session the viewer may read, oldest first (C1). Throws not_found otherwise. */
export async function listFacts(viewer: Viewer, sessionId: string): Promise<FactView[]> {
  const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, sessionId), select: { id: true } });
  if (!session) throw notFound("Session");
  const facts = await db.sessionFact.findMany({
    where: { sessionId: session.id, accountId: viewer.accountId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: factSelect,
  });
  return facts.map(toFactView);
}

/**
 * Adds a fact (an engineer note unless told) and bumps state_version. A question or diagnostic
 * check source must name an item of that kind in the task lane (invalid without a source_ref,
 * not_found when the lane has no such item).
 * Throws not_found / forbidden as `loadSessionForWrite` does.
 */
export async function createFact(viewer: Viewer, input: CreateFactInput): Promise<FactView> {
  return db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, input.id, tx);
    const sourceRef = input.source_ref ?? null;
    if (input.source_kind === "question" || input.source_kind === "diagnostic_check") {
      if (!sourceRef) throw invalid("A question or diagnostic check fact needs the source_ref of its task-lane item.");
      const lane = await tx.aiSession.findFirst({ where: { id: session.id }, select: { pendingTaskLane: true } });
      const item = findLaneItem(lane?.pendingTaskLane, sourceRef);
      if (!item || item.kind !== input.source_kind) throw notFound("Task-lane item");
    }
    const [fact] = await insertFacts(tx, {
      accountId: session.accountId,
      sessionId: session.id,
      userId: viewer.userId,
      facts: [{ text: input.text, sourceKind: input.source_kind, sourceRef }],
    });
    return fact!;
  }, TX_OPTIONS);
}

/**
 * Rewrites a fact's text and bumps state_version. Throws not_found for a missing or deleted
 * fact, forbidden for one that mirrors a question or diagnostic check (C2: edit the item instead).
 */
export async function updateFact(viewer: Viewer, input: UpdateFactInput): Promise<FactView> {
  return db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, input.id, tx);
    const where = { id: input.factId, sessionId: session.id, accountId: session.accountId, deletedAt: null };
    const [fact] = await tx.sessionFact.updateManyAndReturn({
      where: { ...where, sourceKind: { in: EDITABLE_SOURCES } },
      data: { text: input.text },
      select: factSelect,
    });
    if (!fact) {
      const existing = await tx.sessionFact.findFirst({ where, select: { sourceKind: true } });
      if (!existing) throw notFound("Fact");
      const item = existing.sourceKind === "question" ? "question" : "diagnostic check";
      throw forbidden(`This fact comes from a ${item} in the task lane; edit the ${item} instead.`);
    }
    await bumpStateVersion(tx, session.id);
    return toFactView(fact);
  }, TX_OPTIONS);
}

/** Soft-deletes a live fact and bumps state_version. Throws not_found when there is no such live fact. */
export async function deleteFact(viewer: Viewer, input: FactParams): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, input.id, tx);
    const deleted = await tx.sessionFact.updateMany({
      where: { id: input.factId, sessionId: session.id, accountId: session.accountId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (deleted.count === 0) throw notFound("Fact");
    await bumpStateVersion(tx, session.id);
  }, TX_OPTIONS);
}
