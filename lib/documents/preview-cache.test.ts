import { describe, expect, it } from "vitest";
import { PreviewCache } from "@/lib/documents/preview-cache";

const draft = (markdown: string) => ({ markdown });

describe("PreviewCache", () => {
  it("keys on kind, session and state_version", () => {
    const cache = new PreviewCache();
    cache.set("resolution_note", "s1", 3, draft("note v3"));
    expect(cache.get("resolution_note", "s1", 3)).toEqual(draft("note v3"));
    expect(cache.get("resolution_note", "s1", 4)).toBeUndefined();
    expect(cache.get("escalation_package", "s1", 3)).toBeUndefined();
    expect(cache.get("resolution_note", "s2", 3)).toBeUndefined();
  });

  it("keeps both kinds of the same state side by side", () => {
    const cache = new PreviewCache();
    cache.set("resolution_note", "s1", 1, draft("note"));
    cache.set("escalation_package", "s1", 1, draft("package"));
    expect(cache.get("resolution_note", "s1", 1)?.markdown).toBe("note");
    expect(cache.get("escalation_package", "s1", 1)?.markdown).toBe("package");
  });

  it("stays within its bound by evicting the least recently used entry", () => {
    const cache = new PreviewCache(3);
    cache.set("resolution_note", "a", 0, draft("a"));
    cache.set("resolution_note", "b", 0, draft("b"));
    cache.set("resolution_note", "c", 0, draft("c"));
    expect(cache.get("resolution_note", "a", 0)).toBeDefined(); // a is now the most recently used
    cache.set("resolution_note", "d", 0, draft("d"));
    expect(cache.size).toBe(3);
    expect(cache.get("resolution_note", "b", 0)).toBeUndefined();
    expect(["a", "c", "d"].map((id) => cache.get("resolution_note", id, 0)?.markdown)).toEqual(["a", "c", "d"]);
  });

  it("replacing an entry doesn't grow the cache", () => {
    const cache = new PreviewCache(2);
    cache.set("resolution_note", "a", 0, draft("first"));
    cache.set("resolution_note", "a", 0, draft("second"));
    expect(cache.size).toBe(1);
    expect(cache.get("resolution_note", "a", 0)?.markdown).toBe("second");
  });

  it("holds at most 5,000 entries by default", () => {
    const cache = new PreviewCache();
    for (let version = 0; version < 5_100; version += 1) cache.set("resolution_note", "s", version, draft(String(version)));
    expect(cache.size).toBe(5_000);
    expect(cache.get("resolution_note", "s", 99)).toBeUndefined();
    expect(cache.get("resolution_note", "s", 100)?.markdown).toBe("100");
  });
});
