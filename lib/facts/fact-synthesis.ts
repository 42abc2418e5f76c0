import { z } from "zod";
import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { FACT_SYNTHESIS_PROMPT, factSynthesisMessage } from "@/lib/ai/prompts/fact-synthesis";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { invalid, notFound, unavailable } from "@/lib/errors";
import { insertFacts, TX_OPTIONS, type NewFact } from "@/lib/facts/fact-service";
import type { FactView } from "@/lib/facts/fact-view";
import type { PromoteFactInput } from "@/lib/facts/schemas";
import { findLaneItem, type LaneItem } from "@/lib/facts/task-lane";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

const synthesisReply = z.object({ fact: z.string().nullish() });
const MAX_FACT_LENGTH = 2000;

/**
 * C3: one fact sentence for an answered task-lane item, from the cheap model tier. Returns null
 * when the model concludes nothing. Throws unavailable when no model is configured or it can't
 * answer, upstream when its answer is malformed.
 */
export async function synthesizeFact(item: LaneItem, outcome: string | null): Promise<string | null> {
  const provider = getAiProvider();
  if (!provider) {
    throw unavailable("The AI model isn't configured, so this fact can't be written for you. Type the fact yourself instead.");
  }
  const reply = await provider.generateJson({
    tier: "cheap",
    purpose: "fact_synthesis",
    system: [{ text: FACT_SYNTHESIS_PROMPT, cache: true }],
    messages: [{ role: "user", content: factSynthesisMessage(item, outcome) }],
    maxTokens: 300,
    schema: synthesisReply,
  });
  const fact = reply.fact?.trim();
  return fact ? fact.slice(0, MAX_FACT_LENGTH) : null;
}

/**
 * Promotes a fact (C3): `proposed_text` is stored as an AI-promoted fact; otherwise the task-lane
 * item `source_ref` plus the engineer's answer/result is synthesized by the model into a fact whose
 * source is the item's kind (question or diagnostic_check). Bumps state_version. Throws not_found
 * for an unknown item, invalid when the synthesis yields nothing, unavailable without a model; the
 * model is called outside any transaction.
 */
export async function promoteFact(viewer: Viewer, input: PromoteFactInput): Promise<FactView> {
  if (input.proposed_text) {
    return saveFact(viewer, input.id, { text: input.proposed_text, sourceKind: "ai_promote", sourceRef: input.source_ref ?? null });
  }
  const session = await loadSessionForWrite(viewer, input.id);
  const lane = await db.aiSession.findFirst({ where: { id: session.id }, select: { pendingTaskLane: true } });
  const item = findLaneItem(lane?.pendingTaskLane, input.source_ref!);
  if (!item) throw notFound("Task-lane item");
  const text = await synthesizeFact(item, input.answer || input.result || item.outcome);
  if (!text) {
    throw invalid("The AI couldn't turn that item into a fact; record its answer or result first, or type the fact yourself.");
  }
  return saveFact(viewer, input.id, { text, sourceKind: item.kind, sourceRef: item.id });
}

async function saveFact(viewer: Viewer, sessionId: string, fact: NewFact): Promise<FactView> {
  return db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, sessionId, tx);
    const [created] = await insertFacts(tx, { accountId: session.accountId, sessionId: session.id, userId: viewer.userId, facts: [fact] });
    return created!;
  }, TX_OPTIONS);
}
