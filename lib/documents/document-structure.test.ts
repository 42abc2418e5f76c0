import { describe, expect, it } from "vitest";
import { ESCALATION_PACKAGE_PROMPT } from "@/lib/ai/prompts/escalation-package";
import { RESOLUTION_NOTE_PROMPT } from "@/lib/ai/prompts/resolution-note";
import type { DocumentBundle } from "@/lib/documents/bundle";
import { buildDeterministicDraft } from "@/lib/documents/deterministic-draft";
import {
  checkDocumentStructure,
  describeStructureMiss,
  ESCALATION_PACKAGE_SECTIONS,
  RESOLUTION_NOTE_SECTIONS,
} from "@/lib/documents/document-structure";
import type { FixStatus } from "@/lib/generated/prisma/enums";

const NOTE = "## Problem\nOutlook asks for a password.\n## What we confirmed\n- It started after the password change.\n## Root cause\nA stale cached credential.\n## Resolution\nCleared the credential.";
const PACKAGE = [
  "## Problem", "VPN drops hourly.",
  "## What we've confirmed", "- Every user.",
  "## What we've tried", "- Reinstalled the client.",
  "## Current hypothesis", "IPsec lifetime mismatch.",
  "## Suggested next steps", "1. Compare lifetimes.",
].join("\n");

const note = (markdown: string) => checkDocumentStructure("resolution_note", markdown);
const pkg = (markdown: string) => checkDocumentStructure("escalation_package", markdown);

describe("checkDocumentStructure", () => {
  it("accepts the four resolution sections and the five escalation sections", () => {
    expect(note(NOTE)).toEqual({ ok: true, missing: [], empty: [] });
    expect(pkg(PACKAGE)).toEqual({ ok: true, missing: [], empty: [] });
  });

  it("refuses chat prose, naming every section as missing", () => {
    expect(note("Understood. Let's narrow this down step by step.")).toEqual({ ok: false, missing: [...RESOLUTION_NOTE_SECTIONS], empty: [] });
    expect(pkg("Understood. Let's narrow this down step by step.")).toEqual({ ok: false, missing: [...ESCALATION_PACKAGE_SECTIONS], empty: [] });
    expect(note("")).toMatchObject({ ok: false, missing: [...RESOLUTION_NOTE_SECTIONS] });
  });

  it("names the sections that are missing and the ones with nothing under them", () => {
    const check = note("## Problem\n\n---\n## What we confirmed\n- A fact\n## Resolution\nDone.");
    expect(check).toEqual({ ok: false, missing: ["Root cause"], empty: ["Problem"] });
    expect(describeStructureMiss(check)).toBe("missing Root cause; empty Problem");
    expect(describeStructureMiss(note("## Problem\nA"))).toBe("missing What we confirmed, Root cause, Resolution");
  });

  it("tolerates heading levels, bold lines, case, trailing colons, numbering and curly apostrophes", () => {
    const forms = [
      "### problem\nA\n#### WHAT WE CONFIRMED:\n- B\n# Root Cause #\nC\n## 4. Resolution\nD",
      "**Problem**\nA\n**What we confirmed:**\n- B\n__Root cause__:\nC\n## **Resolution**\nD",
      "**Problem:** Outlook asks for a password.\n**What we confirmed:** It began after the change.\n## Root cause: a stale credential\n**Resolution**: Cleared it.",
    ];
    for (const markdown of forms) expect(note(markdown), markdown).toMatchObject({ ok: true });
    expect(pkg(PACKAGE.replaceAll("we've", "we’ve"))).toMatchObject({ ok: true });
    expect(pkg(PACKAGE.replaceAll("we've", "we have"))).toMatchObject({ ok: true });
  });

  it("does not take prose that starts with a section's name for its heading", () => {
    const check = note("**Problem** is that I need more detail.\nProblem: what happens next?\n## Root cause\nUnknown.");
    expect(check.missing).toEqual(["Problem", "What we confirmed", "Resolution"]);
  });

  it("ignores headings inside code fences and text before the first section", () => {
    const fenced = "Here you go:\n```\n## Problem\nA\n## What we confirmed\nB\n## Root cause\nC\n## Resolution\nD\n```";
    expect(note(fenced)).toMatchObject({ ok: false, missing: [...RESOLUTION_NOTE_SECTIONS] });
    expect(note(`_A preamble line._\n\n${NOTE}`)).toMatchObject({ ok: true });
  });

  it("keeps the two documents apart: a resolution note is not an escalation package", () => {
    expect(pkg(NOTE)).toEqual({ ok: false, missing: ["What we've confirmed", "What we've tried", "Current hypothesis", "Suggested next steps"], empty: [] });
    expect(note(PACKAGE)).toEqual({ ok: false, missing: ["What we confirmed", "Root cause", "Resolution"], empty: [] });
  });

  it("counts extra sub-headings and the sections' order as the document's own business", () => {
    const reordered = "## Resolution\nD\n### Follow-up\nCall back Monday.\n## Root cause\nC\n## Problem\nA\n## What we confirmed\n- B";
    expect(note(reordered)).toMatchObject({ ok: true });
  });
});

describe("the section lists are the ones the prompts and the deterministic draft use", () => {
  const headings = (text: string) => text.split("\n").filter((line) => line.startsWith("## ")).map((line) => line.slice(3));

  it("matches the prompts' FORMAT headings", () => {
    expect(headings(RESOLUTION_NOTE_PROMPT)).toEqual([...RESOLUTION_NOTE_SECTIONS]);
    expect(headings(ESCALATION_PACKAGE_PROMPT)).toEqual([...ESCALATION_PACKAGE_SECTIONS]);
  });

  it("passes every deterministic draft, whatever the fix's outcome", () => {
    const statuses: (FixStatus | null)[] = [null, "proposed", "applied_success", "applied_failed", "applied_partial", "dismissed"];
    for (const status of statuses) {
      const bundle: DocumentBundle = {
        session: { title: "Shared drive missing", company_name: null, ticket_ref: null, status: "active" },
        facts: [],
        active_fix: status && {
          title: "Remap the drive", description: "Map it again.", confidence: 60, decision: null, template_name: null, status,
          applied_at: null, verified_at: null, partial_notes: null, failure_reason: null,
        },
        script_runs: [],
        engineer_steps: [],
        state_version: 0,
      };
      expect(note(buildDeterministicDraft("resolution_note", bundle)), String(status)).toMatchObject({ ok: true });
      expect(pkg(buildDeterministicDraft("escalation_package", bundle)), String(status)).toMatchObject({ ok: true });
    }
  });
});
