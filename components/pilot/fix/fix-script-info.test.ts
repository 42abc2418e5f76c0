import { describe, expect, it } from "vitest";
import { fillTemplateBody, findValueRanges, readDraftedValues, readFixScriptInfo } from "@/components/pilot/fix/fix-script-info";

describe("the drafted values of a fix", () => {
  it("reads [SUGGEST_FIX] values and D6 schemas, skipping what is not a plain value", () => {
    expect(readDraftedValues({ computer: "PC-7", retries: 3, force: true, nested: { a: 1 }, none: null })).toEqual({ computer: "PC-7", retries: 3, force: true });
    expect(readDraftedValues([{ name: "mailbox", default: "ops@example.test" }, { name: "count", value: 2, default: 9 }, { default: "x" }])).toEqual({
      mailbox: "ops@example.test",
      count: 2,
    });
    expect(readDraftedValues(null)).toEqual({});
    expect(readDraftedValues("nope")).toEqual({});
  });

  it("reads the fix's template, decision and script from either shape the page gets", () => {
    const base = { id: "f", title: "t", description: "d", confidence: 50, status: "proposed" as const, applied_at: null, verified_at: null, partial_notes: null, failure_reason: null, ai_outcome_proposal: null };
    expect(readFixScriptInfo({ ...base, ai_drafted_script: "a", edited_script: "b", template_id: "tpl", user_decision: "one_off", ai_drafted_parameters: { x: "1" } })).toEqual({
      templateId: "tpl",
      draftedValues: { x: "1" },
      decision: "one_off",
      script: "b",
    });
    expect(readFixScriptInfo({ ...base, ai_drafted_script: null, edited_script: null })).toEqual({ templateId: null, draftedValues: {}, decision: null, script: null });
  });
});

describe("highlighting proposed values", () => {
  it("finds every occurrence, longer values first, without overlaps", () => {
    const script = "Get-Mailbox ops@example.test\nSet-Mailbox ops@example.test -Server ops";
    expect(findValueRanges(script, { mailbox: "ops@example.test", server: "ops" })).toEqual([
      { start: 12, end: 28, name: "mailbox" },
      { start: 41, end: 57, name: "mailbox" },
      { start: 66, end: 69, name: "server" },
    ]);
  });

  it("skips booleans and one-character values, which would mark half the script", () => {
    expect(findValueRanges("x = 1; y = true", { one: "1", flag: true, n: 1 })).toEqual([]);
  });
});

describe("filling an archived template's body", () => {
  it("fills the drafted values and leaves the rest as written", () => {
    expect(fillTemplateBody("Restart -Computer {{ computer }} -User {{user}}", { computer: "PC-7" })).toBe("Restart -Computer PC-7 -User {{user}}");
  });
});
