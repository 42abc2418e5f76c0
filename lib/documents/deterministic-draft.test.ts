import { describe, expect, it } from "vitest";
import type { DocumentBundle } from "@/lib/documents/bundle";
import { buildDeterministicDraft, DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";

type Fix = NonNullable<DocumentBundle["active_fix"]>;

function bundleWith(fix: Partial<Fix> | null, extra: Partial<DocumentBundle> = {}): DocumentBundle {
  return {
    session: { title: "VPN drops every hour", company_name: "Client Co", ticket_ref: "#812", status: "active" },
    facts: [{ text: "Drops happen on Wi-Fi and cable", source: "engineer_note" }],
    active_fix: fix && {
      title: "Renew the VPN certificate",
      description: "Replace the expiring client certificate.",
      confidence: 80,
      decision: null,
      template_name: null,
      status: "proposed",
      applied_at: null,
      verified_at: null,
      partial_notes: null,
      failure_reason: null,
      ...fix,
    },
    script_runs: [],
    engineer_steps: [],
    state_version: 4,
    ...extra,
  };
}

const headings = (markdown: string) => markdown.split("\n").filter((line) => line.startsWith("## "));

describe("buildDeterministicDraft", () => {
  it("starts with the not-AI-written marker and has the four resolution sections", () => {
    const markdown = buildDeterministicDraft("resolution_note", bundleWith(null));
    expect(markdown.split("\n")[0]).toBe(DETERMINISTIC_MARKER);
    expect(headings(markdown)).toEqual(["## Problem", "## What we confirmed", "## Root cause", "## Resolution"]);
    expect(markdown).toContain("VPN drops every hour.");
    expect(markdown).toContain("Ticket: #812");
    expect(markdown).toContain("- Drops happen on Wi-Fi and cable");
  });

  it("has the five escalation sections", () => {
    const markdown = buildDeterministicDraft("escalation_package", bundleWith({}));
    expect(markdown.split("\n")[0]).toBe(DETERMINISTIC_MARKER);
    expect(headings(markdown)).toEqual([
      "## Problem",
      "## What we've confirmed",
      "## What we've tried",
      "## Current hypothesis",
      "## Suggested next steps",
    ]);
    expect(markdown).toContain("Renew the VPN certificate. Replace the expiring client certificate. (confidence 80%)");
  });

  it("uses closure language only when the fix was confirmed", () => {
    const success = buildDeterministicDraft(
      "resolution_note",
      bundleWith({ status: "applied_success", applied_at: "2026-03-02T09:00:00.000Z", verified_at: "2026-03-02T09:30:00.000Z" }),
    );
    expect(success).toContain("Resolved.");
    expect(success).toContain("confirmed working (2026-03-02 09:30 UTC)");
    expect(success).not.toContain("Not resolved yet");
    expect(success).not.toContain("Next steps");
  });

  it("says what was tried and what's next when the fix failed", () => {
    const failed = buildDeterministicDraft(
      "resolution_note",
      bundleWith({ status: "applied_failed", applied_at: "2026-03-02T09:00:00.000Z", failure_reason: "Drops continued" }),
    );
    expect(failed).toContain("**Not resolved yet.**");
    expect(failed).toContain("- Renew the VPN certificate — Applied; it did not fix the problem: Drops continued.");
    expect(failed).toContain("Next steps:");
    expect(failed).not.toMatch(/^Resolved\./m);
  });

  it("carries partial notes and untried fixes as next steps", () => {
    const partial = buildDeterministicDraft("resolution_note", bundleWith({ status: "applied_partial", partial_notes: "Drops are rarer" }));
    expect(partial).toContain("it partly fixed the problem: Drops are rarer.");
    const untried = buildDeterministicDraft("resolution_note", bundleWith({}));
    expect(untried).toContain("Nothing has been tried yet.");
    expect(untried).toContain('Apply the suggested fix "Renew the VPN certificate"');
  });

  it("lists script runs with their (already redacted) parameters", () => {
    const markdown = buildDeterministicDraft(
      "escalation_package",
      bundleWith(null, {
        script_runs: [
          { template_name: "Reset password", language: "powershell", parameters: { user: "svc", password: "[REDACTED]" }, script: "", ran_at: "2026-03-02T08:00:00.000Z" },
        ],
      }),
    );
    expect(markdown).toContain('- Ran the script "Reset password" (powershell) with user=svc, password=[REDACTED] — 2026-03-02 08:00 UTC');
    expect(markdown).toContain("No hypothesis was recorded yet.");
  });
});
