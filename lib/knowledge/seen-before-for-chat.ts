import type { SeenBeforeMatch } from "@/lib/ai/prompts/seen-before";
import { findSimilarSessions, similarityText, type SimilarSession } from "@/lib/knowledge/similar-sessions";

/**
 * The matches a chat turn offers the model. The search is a help, not a dependency: when it fails
 * the turn goes on without the block, and the failure is logged (`similar.unavailable`).
 */
export async function seenBeforeForChat(input: {
  accountId: string;
  sessionId: string;
  title: string;
  facts: readonly { text: string }[];
}): Promise<SimilarSession[]> {
  try {
    return await findSimilarSessions({ accountId: input.accountId, sessionId: input.sessionId, title: input.title, text: similarityText(input.title, input.facts) });
  } catch (error) {
    console.warn(JSON.stringify({ event: "similar.unavailable", session_id: input.sessionId, error: error instanceof Error ? error.message : String(error) }));
    return [];
  }
}

export function toSeenBeforeMatch(match: SimilarSession): SeenBeforeMatch {
  return { sessionId: match.session_id, title: match.title, fixTitle: match.fix_title, fixDescription: match.fix_description, outcome: match.outcome };
}

/** A [SUGGEST_FIX] may cite a seen-before session only if the turn offered it; anything else is dropped. */
export function offeredSourceSessionId(cited: string | null | undefined, offered: readonly string[]): string | null {
  return cited && offered.includes(cited) ? cited : null;
}
