import { describe, expect, it } from "vitest";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { buildDeterministicKbDraft } from "@/lib/knowledge/kb-deterministic-draft";
import { missingKbSections } from "@/lib/knowledge/kb-draft";
import type { KbGrounding } from "@/lib/knowledge/kb-grounding";

const grounding: KbGrounding = {
  problem: "Mapped drive fails on [host]",
  facts: ["[user] gets access denied", "Credential Manager holds an old password."],
  fix: { title: "Clear the cached credential", description: "Remove the stale entry", status: "applied_success", verified_at: "2026-12-01T10:15:00.000Z", partial_notes: null, failure_reason: null },
  scripts: [{ name: "Reset mapped drive", language: "powershell", parameters: { Server: "[host]", Password: "[REDACTED]" }, script: "cmdkey /delete:[host]" }],
  placeholders: ["[host]", "[user]"],
};

describe("buildDeterministicKbDraft", () => {
  it("writes every troubleshooting section from the grounding, marked as not AI-written", () => {
    const { title, body } = buildDeterministicKbDraft("troubleshooting", grounding);
    expect(title).toBe("Mapped drive fails on [host]");
    expect(body.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect(missingKbSections("troubleshooting", body)).toEqual([]);
    expect(body).toContain("- [user] gets access denied");
    expect(body).toContain('Run the script "Reset mapped drive" (powershell) with Server=[host], Password=[REDACTED].');
    expect(body).toContain("The engineer confirmed the fix worked (2026-12-01 10:15 UTC).");
  });

  it("numbers the procedure's steps", () => {
    const { body } = buildDeterministicKbDraft("procedural", grounding);
    expect(missingKbSections("procedural", body)).toEqual([]);
    expect(body).toMatch(/## Steps\n\n1\. Confirm the situation matches: \[user\] gets access denied; Credential Manager holds an old password\.\n2\. Clear the cached credential\. Remove the stale entry\.\n3\. Run the script/);
  });

  it("says the fix did not work when it failed", () => {
    const failed = { ...grounding, fix: { ...grounding.fix!, status: "applied_failed", failure_reason: "Still denied" } };
    expect(buildDeterministicKbDraft("troubleshooting", failed).body).toContain("This fix did not solve the problem: Still denied.");
  });
});

describe("missingKbSections", () => {
  it("names sections that are absent or empty", () => {
    expect(missingKbSections("troubleshooting", "## Symptoms\n- a\n## Cause\n\n## Resolution\nb")).toEqual(["Cause", "Verification"]);
  });
});
