import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("safeCallbackPath", () => {
  it("keeps local paths with their query", () => {
    expect(safeCallbackPath("/pilot/abc?pickup=true")).toBe("/pilot/abc?pickup=true");
  });
  it.each(["https://evil.test/x", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "", undefined, 42])(
    "refuses %s",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/pilot");
    },
  );
});
