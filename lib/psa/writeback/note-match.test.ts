import { describe, expect, it } from "vitest";
import { findPostedNote, normaliseNoteText } from "@/lib/psa/writeback/note-match";
import type { PsaNote } from "@/lib/psa/provider";

const note = (id: string, text: string, kinds: PsaNote["kinds"]): PsaNote => ({ id, ticket_id: "1", text, kinds, created_at: null, created_by: null });

describe("normaliseNoteText", () => {
  it("treats every run of whitespace as one space and trims", () => {
    expect(normaliseNoteText("  ## Problem\r\n\nPrinter\tdown  \n")).toBe("## Problem Printer down");
  });
});

describe("findPostedNote", () => {
  const markdown = "## Problem\nOutlook prompts\n\n## Resolution\nRebuilt the profile.";

  it("finds the note ConnectWise stored with its newlines flattened", () => {
    const notes = [note("1", "Something else", ["resolution"]), note("2", "## Problem Outlook prompts  ## Resolution Rebuilt the profile.", ["resolution"])];
    expect(findPostedNote(notes, "resolution", markdown)?.id).toBe("2");
  });

  it("ignores the same text posted as another kind of note, and different text", () => {
    const notes = [note("1", markdown, ["internal_analysis"]), note("2", `${markdown} Also called the customer.`, ["resolution"])];
    expect(findPostedNote(notes, "resolution", markdown)).toBeUndefined();
  });
});
