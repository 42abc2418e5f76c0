import { describe, expect, it } from "vitest";
import { parseMarkers } from "@/lib/ai/markers";
import { offeredSourceSessionId } from "@/lib/knowledge/seen-before-for-chat";

const fix = (extra: Record<string, unknown>) =>
  `Try this.\n[SUGGEST_FIX]\n${JSON.stringify({ title: "Rebuild the cache", description: "Rename it.", confidence: 70, ...extra })}\n[/SUGGEST_FIX]`;
const ID = "0b7c9a52-3c1e-4d55-9d1e-1f7f3a9c2b10";

describe("[SUGGEST_FIX] source_session_id", () => {
  it("is read when it is a UUID", () => {
    expect(parseMarkers(fix({ source_session_id: ` ${ID} ` })).suggestedFix?.source_session_id).toBe(ID);
  });

  it("is left off, keeping the fix, when it is missing, null, not a UUID or not a string", () => {
    for (const value of [undefined, null, "<id of the seen-before session>", 42]) {
      const parsed = parseMarkers(fix(value === undefined ? {} : { source_session_id: value }));
      expect(parsed.suggestedFix, String(value)).toMatchObject({ title: "Rebuild the cache" });
      expect(parsed.suggestedFix?.source_session_id).toBeUndefined();
      expect(parsed.dropped).toEqual([]);
    }
  });

  it("survives only when the turn offered it", () => {
    expect(offeredSourceSessionId(ID, [ID])).toBe(ID);
    expect(offeredSourceSessionId(ID, [])).toBeNull();
    expect(offeredSourceSessionId(undefined, [ID])).toBeNull();
  });
});
