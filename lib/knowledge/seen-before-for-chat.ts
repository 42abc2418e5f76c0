import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { SeenBeforeMatch } from "@/lib/ai/prompts/seen-before";
import { findSimilarSessions, similarityText, type SimilarSession } from "@/lib/knowledge/similar-sessions";

/** What a chat turn's search is for: the session, its title and live facts, and the account's seen_before_version when read. */
export type SeenBeforeQuery = {
  accountId: string;
  sessionId: string;
  title: string;
  facts: readonly { text: string }[];
  /** accounts.seen_before_version, read no later than the facts. */
  version: number;
};

/**
 * Matches by what they were searched for. The search is a function of the session, its title, the
 * words of its facts (any order: the query is an OR of their lexemes) and what the account can
 * match, and database triggers bump seen_before_version on every change to the last (a session
 * resolved, reopened, retitled or deleted, or a resolved session's fixes or facts edited). So an
 * entry is never stale: a change makes a new key and the old one ages out. Failed searches are
 * not kept. Per process; another process simply searches again.
 */
const matchesByQuery = new LRUCache<string, Promise<SimilarSession[]>>({ max: 2_000 });

function queryKey(query: SeenBeforeQuery): string {
  const words = createHash("sha256").update(query.title);
  for (const text of query.facts.map((fact) => fact.text).sort()) words.update("\0").update(text);
  return `${query.accountId}:${query.sessionId}:${query.version}:${words.digest("base64url")}`;
}

function searchOnce(query: SeenBeforeQuery): Promise<SimilarSession[]> {
  const key = queryKey(query);
  const known = matchesByQuery.get(key);
  if (known) return known;
  const search = findSimilarSessions({ accountId: query.accountId, sessionId: query.sessionId, title: query.title, text: similarityText(query.title, query.facts) });
  matchesByQuery.set(key, search);
  search.catch(() => matchesByQuery.delete(key));
  return search;
}

/**
 * The matches a chat turn offers the model. The search is a help, not a dependency: when it fails
 * the turn goes on without the block, and the failure is logged (`similar.unavailable`).
 */
export async function seenBeforeForChat(query: SeenBeforeQuery): Promise<SimilarSession[]> {
  try {
    return await searchOnce(query);
  } catch (error) {
    console.warn(JSON.stringify({ event: "similar.unavailable", session_id: query.sessionId, error: error instanceof Error ? error.message : String(error) }));
    return [];
  }
}

/**
 * Starts the search for the facts a turn just saved, so the session's next turn finds its matches
 * ready instead of searching while the engineer waits. Runs in the caller's data scope.
 */
export function prepareSeenBeforeForChat(query: SeenBeforeQuery): void {
  void seenBeforeForChat(query);
}

/** Whether matches for `query` are held (or being found) in this process. */
export function holdsSeenBeforeFor(query: SeenBeforeQuery): boolean {
  return matchesByQuery.has(queryKey(query));
}

export function toSeenBeforeMatch(match: SimilarSession): SeenBeforeMatch {
  return { sessionId: match.session_id, title: match.title, fixTitle: match.fix_title, fixDescription: match.fix_description, outcome: match.outcome };
}

/** A [SUGGEST_FIX] may cite a seen-before session only if the turn offered it; anything else is dropped. */
export function offeredSourceSessionId(cited: string | null | undefined, offered: readonly string[]): string | null {
  return cited && offered.includes(cited) ? cited : null;
}
