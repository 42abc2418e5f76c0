import { db } from "@/lib/db";
import type { FixStatus } from "@/lib/generated/prisma/enums";
import type { TestUser } from "@/tests/helpers/tenant";

/** Live facts on a session, oldest first; `deleted` ones are soft-deleted. */
export async function addFacts(user: TestUser, sessionId: string, texts: string[], options: { deleted?: boolean } = {}) {
  for (const text of texts) {
    await db.sessionFact.create({
      data: { accountId: user.accountId, sessionId, text, sourceKind: "engineer_note", createdById: user.id, deletedAt: options.deleted ? new Date() : null },
    });
  }
}

type FixData = {
  title?: string;
  description?: string;
  status?: FixStatus;
  appliedAt?: Date | null;
  verifiedAt?: Date | null;
  partialNotes?: string | null;
  failureReason?: string | null;
  superseded?: boolean;
};

/** A suggested fix on a session (the active one unless `superseded`). */
export async function addFix(user: TestUser, sessionId: string, data: FixData = {}) {
  return db.sessionSuggestedFix.create({
    data: {
      accountId: user.accountId,
      sessionId,
      title: data.title ?? "Suggested fix",
      description: data.description ?? "What the fix does.",
      confidence: 70,
      status: data.status ?? "proposed",
      appliedAt: data.appliedAt ?? null,
      verifiedAt: data.verifiedAt ?? null,
      partialNotes: data.partialNotes ?? null,
      failureReason: data.failureReason ?? null,
      supersededAt: data.superseded ? new Date() : null,
    },
  });
}

export type ParameterSpec = { name: string; label: string; type: string; required: boolean; sensitive: boolean };

/**
 * A template and one run of it for the session, stored exactly as given — pass unredacted values
 * to stand in for a row written before (or despite) H2's redaction.
 */
export async function addScriptRun(
  user: TestUser,
  sessionId: string,
  run: { schema: ParameterSpec[]; parameters: Record<string, unknown>; renderedScript: string; name?: string },
) {
  const template = await db.scriptTemplate.create({
    data: {
      accountId: user.accountId,
      name: run.name ?? "Reset a service account",
      language: "powershell",
      body: "<template body>",
      parametersSchema: run.schema,
      createdById: user.id,
    },
  });
  return db.scriptGeneration.create({
    data: {
      accountId: user.accountId,
      templateId: template.id,
      sessionId,
      userId: user.id,
      renderedScript: run.renderedScript,
      parameters: run.parameters as object,
    },
  });
}

/** A step of the session's conversation. */
export async function addStep(user: TestUser, sessionId: string, kind: "engineer_message" | "assistant_message" | "engineer_action", content: string) {
  return db.aiSessionStep.create({ data: { accountId: user.accountId, sessionId, userId: kind === "assistant_message" ? null : user.id, kind, content } });
}

/** What a write that changes the documents does to the session (B4), for tests that fake such a write. */
export async function bumpVersion(sessionId: string) {
  await db.aiSession.update({ where: { id: sessionId }, data: { stateVersion: { increment: 1 } } });
}
