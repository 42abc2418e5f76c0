import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** A model-written draft; deterministic fallbacks are never cached, so the next preview retries the model. */
export type CachedPreview = { markdown: string };

/**
 * E3: in-process LRU of document previews keyed on (kind, session, state_version). No TTL: a
 * write that changes what the document would say bumps state_version, so an old key is simply
 * never asked for again and ages out. Bounded: past `maxEntries` the least recently used entry goes.
 */
export class PreviewCache {
  // A Map iterates in insertion order; re-inserting on every hit keeps the coldest entry first.
  private readonly entries = new Map<string, CachedPreview>();

  constructor(readonly maxEntries = 5_000) {}

  private static key(kind: DocumentKind, sessionId: string, stateVersion: number): string {
    return `${kind}:${sessionId}:${stateVersion}`;
  }

  get(kind: DocumentKind, sessionId: string, stateVersion: number): CachedPreview | undefined {
    const key = PreviewCache.key(kind, sessionId, stateVersion);
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(kind: DocumentKind, sessionId: string, stateVersion: number, entry: CachedPreview): void {
    const key = PreviewCache.key(kind, sessionId, stateVersion);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const coldest = this.entries.keys().next().value as string;
      this.entries.delete(coldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const globalForCache = globalThis as unknown as { flowpilotPreviewCache?: PreviewCache };

/** The process's preview cache, shared by resolution notes and escalation packages (kept across hot reloads). */
export const previewCache: PreviewCache = (globalForCache.flowpilotPreviewCache ??= new PreviewCache());
