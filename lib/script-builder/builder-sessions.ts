import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { builderLanguageOf, type BuilderLanguage } from "@/lib/script-builder/schemas";
import { currentParametersOf } from "@/lib/script-builder/current-parameters";
import {
  builderMessageSelect,
  builderSessionSelect,
  toBuilderMessageView,
  toBuilderSessionView,
  type BuilderSessionDetail,
  type BuilderSessionView,
} from "@/lib/script-builder/builder-view";

/**
 * H4: standalone sessions a user may keep at once. The schema has no closed/archived flag, so
 * every standalone session counts as active until its owner deletes it; inline (pilot) builders
 * never count.
 */
export const BUILDER_SESSION_CAP = 5;
export const CAP_MESSAGE = `You have ${BUILDER_SESSION_CAP} builder sessions, the most you can keep at once. Delete one you no longer need to start another.`;

const TX_OPTIONS = { timeout: 10_000 } as const;
const LANGUAGE_NAMES: Record<BuilderLanguage, string> = { powershell: "PowerShell", bash: "Bash", python: "Python" };

/** The title a session gets when nobody named it; the first message renames such a session. */
export function defaultBuilderTitle(language: BuilderLanguage): string {
  return `New ${LANGUAGE_NAMES[language]} script`;
}

export type BuilderSessionList = { items: BuilderSessionView[]; next_page: null; cap: { max: number; used: number } };

/** What a new standalone session starts with; `startingContext` becomes its first message. */
export type StandaloneSeed = {
  title?: string;
  language: BuilderLanguage;
  aiSessionId?: string | null;
  startingContext?: string | null;
  currentScript?: string | null;
};

/** The viewer's own builder session (any origin). Throws not_found for anyone else's, in any tenant. */
export async function loadOwnBuilder(viewer: Viewer, id: string, client: Tx = db) {
  const session = await client.scriptBuilderSession.findFirst({
    where: { id, accountId: viewer.accountId, userId: viewer.userId },
    select: builderSessionSelect,
  });
  if (!session) throw notFound("Builder session");
  return session;
}

/**
 * Inserts a standalone session after checking the cap, with the user's row locked so parallel
 * creates can't both take the last slot. Throws conflict (CAP_MESSAGE) at the cap.
 */
export async function insertStandaloneSession(viewer: Viewer, seed: StandaloneSeed): Promise<BuilderSessionView> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${viewer.userId}::uuid FOR UPDATE`;
    const used = await tx.scriptBuilderSession.count({
      where: { accountId: viewer.accountId, userId: viewer.userId, origin: "standalone" },
    });
    if (used >= BUILDER_SESSION_CAP) throw conflict(CAP_MESSAGE);
    const session = await tx.scriptBuilderSession.create({
      data: {
        accountId: viewer.accountId,
        userId: viewer.userId,
        origin: "standalone",
        aiSessionId: seed.aiSessionId ?? null,
        title: seed.title?.trim() || defaultBuilderTitle(seed.language),
        language: seed.language,
        currentScript: seed.currentScript ?? null,
        ...(seed.startingContext ? { messages: { create: { accountId: viewer.accountId, role: "user", content: seed.startingContext } } } : {}),
      },
      select: builderSessionSelect,
    });
    return toBuilderSessionView(session);
  }, TX_OPTIONS);
}

/**
 * H4: a new standalone builder session for the viewer. Throws conflict once the viewer has
 * BUILDER_SESSION_CAP standalone sessions (inline builders don't count).
 */
export async function createBuilderSession(
  viewer: Viewer,
  input: { title?: string; language: BuilderLanguage; origin?: "standalone" },
): Promise<BuilderSessionView> {
  return insertStandaloneSession(viewer, { title: input.title, language: input.language });
}

/** H4: the viewer's standalone sessions, most recently touched first, with how much of the cap is used. */
export async function listBuilderSessions(viewer: Viewer): Promise<BuilderSessionList> {
  const sessions = await db.scriptBuilderSession.findMany({
    where: { accountId: viewer.accountId, userId: viewer.userId, origin: "standalone" },
    orderBy: { updatedAt: "desc" },
    select: builderSessionSelect,
  });
  return { items: sessions.map(toBuilderSessionView), next_page: null, cap: { max: BUILDER_SESSION_CAP, used: sessions.length } };
}

/**
 * H4: one of the viewer's builder sessions (standalone or inline) with its conversation and the
 * parameter values of its current script. Throws not_found for another user's or tenant's session.
 */
export async function getBuilderSession(viewer: Viewer, id: string): Promise<BuilderSessionDetail> {
  const session = await loadOwnBuilder(viewer, id);
  const messages = await db.scriptBuilderMessage.findMany({
    where: { builderSessionId: session.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: builderMessageSelect,
  });
  return {
    ...toBuilderSessionView(session),
    current_parameters: currentParametersOf(messages, builderLanguageOf(session.language)),
    messages: messages.map(toBuilderMessageView),
  };
}

/** Deletes one of the viewer's builder sessions with its messages (frees a slot under the cap). Throws not_found otherwise. */
export async function deleteBuilderSession(viewer: Viewer, id: string): Promise<{ id: string; deleted: true }> {
  const deleted = await db.scriptBuilderSession.deleteMany({ where: { id, accountId: viewer.accountId, userId: viewer.userId } });
  if (deleted.count === 0) throw notFound("Builder session");
  return { id, deleted: true };
}
