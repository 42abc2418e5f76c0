import { db } from "@/lib/db";
import type { FixStatus } from "@/lib/generated/prisma/enums";
import type { TestUser } from "@/tests/helpers/tenant";

export type ResolvedSessionSeed = {
  title: string;
  facts?: string[];
  fix?: { title: string; description?: string; status?: FixStatus; script?: string };
  note?: string;
  reopened?: boolean;
};

/**
 * A session worked and resolved the way the pilot does it: facts and a fix with its outcome
 * first, then the resolve (status, note, resolved_at), so the search document is built by the
 * same triggers that build it in the app.
 */
export async function seedResolvedSession(user: Pick<TestUser, "id" | "accountId">, seed: ResolvedSessionSeed) {
  const { accountId } = user;
  const session = await db.aiSession.create({ data: { accountId, userId: user.id, title: seed.title } });
  if (seed.facts?.length) {
    await db.sessionFact.createMany({
      data: seed.facts.map((text) => ({ accountId, sessionId: session.id, text, sourceKind: "engineer_note" as const })),
    });
  }
  const fix = seed.fix
    ? await db.sessionSuggestedFix.create({
        data: {
          accountId,
          sessionId: session.id,
          title: seed.fix.title,
          description: seed.fix.description ?? `${seed.fix.title}.`,
          confidence: 80,
          aiDraftedScript: seed.fix.script ?? null,
          status: seed.fix.status ?? "applied_success",
        },
      })
    : null;
  const resolved = await db.aiSession.update({
    where: { id: session.id },
    data: {
      status: "resolved",
      resolvedAt: new Date(),
      resolutionNoteMarkdown: seed.note ?? null,
      reopenedAt: seed.reopened ? new Date() : null,
    },
  });
  return { session: resolved, fix };
}

/** A live session with facts, the one asking "have we seen this before?". */
export async function seedOpenSession(user: Pick<TestUser, "id" | "accountId">, title: string, facts: string[] = []) {
  const session = await db.aiSession.create({ data: { accountId: user.accountId, userId: user.id, title } });
  if (facts.length) {
    await db.sessionFact.createMany({
      data: facts.map((text) => ({ accountId: user.accountId, sessionId: session.id, text, sourceKind: "engineer_note" as const })),
    });
  }
  return session;
}
