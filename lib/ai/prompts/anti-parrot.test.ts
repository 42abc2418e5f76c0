/**
 * J3 guardrail: every prompt constant in lib/ai/prompts is free of leaked example tokens and shows
 * marker schemas with placeholders only. New prompt modules are picked up automatically. When a
 * new leak shows up in production, add its token to LEAKED_TOKENS in lib/ai/prompt-guard.ts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findPromptViolations, LEAKED_TOKENS, PROMPT_CONSTANT_NAME, promptConstants } from "@/lib/ai/prompt-guard";

const PROMPTS_DIR = __dirname;
const moduleFiles = readdirSync(PROMPTS_DIR)
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
  .sort();

let modules: { file: string; exports: Record<string, unknown> }[] = [];

beforeAll(async () => {
  modules = await Promise.all(
    moduleFiles.map(async (file) => ({ file, exports: (await import(path.join(PROMPTS_DIR, file))) as Record<string, unknown> })),
  );
});

const allConstants = () => modules.flatMap(({ file, exports }) => promptConstants(exports).map(([name, text]) => ({ file, name, text })));

describe("prompt constants (J3 anti-parrot)", () => {
  it("finds the prompt modules and their constants", () => {
    expect(moduleFiles).toContain("chat.ts");
    const names = allConstants().map((constant) => constant.name);
    expect(names).toEqual(expect.arrayContaining(["ASSISTANT_SYSTEM_PROMPT", "CHAT_FORMAT_REMINDER"]));
  });

  it("names every exported string so the guard walks it", () => {
    const misnamed = modules.flatMap(({ file, exports }) =>
      Object.entries(exports)
        .filter(([name, value]) => typeof value === "string" && !PROMPT_CONSTANT_NAME.test(name))
        .map(([name]) => `${file}: ${name}`),
    );
    expect(misnamed, "exported strings in lib/ai/prompts must be UPPER_CASE with a _PROMPT/_SCHEMA/_FORMAT/_REMINDER/_CONTEXT suffix").toEqual([]);
  });

  it("contains no known-leaked example token and only placeholders inside marker blocks", () => {
    const violations = allConstants().flatMap(({ file, name, text }) => findPromptViolations(`${file}: ${name}`, text));
    expect(violations).toEqual([]);
  });
});

describe("seen before (similar resolved sessions)", () => {
  it("is walked like every prompt module, and the fix schema cites a source session by placeholder only", () => {
    const names = allConstants().map((constant) => constant.name);
    expect(names).toContain("SEEN_BEFORE_CONTEXT");
    const chat = allConstants().find((constant) => constant.name === "ASSISTANT_SYSTEM_PROMPT")!.text;
    expect(chat).toMatch(/"source_session_id": "<[^>]+>"/);
  });
});

describe("the guard itself", () => {
  it("catches every leaked token, in any case", () => {
    for (const token of LEAKED_TOKENS) {
      const found = findPromptViolations("BAD_PROMPT", `Example: ${token.toUpperCase()} is down.`);
      expect(found, token).toEqual([{ constant: "BAD_PROMPT", kind: "leaked_token", detail: `contains "${token}"` }]);
    }
  });

  it("catches literal values in marker blocks: strings, numbers, booleans and null", () => {
    const bad = [
      "Emit questions like this:",
      "[QUESTIONS]",
      '[{"text": "Is the printer plugged in?"}]',
      "[/QUESTIONS]",
      "[SUGGEST_FIX]",
      '{"title": "<short name>", "confidence": 85, "script": null, "urgent": true, "template_id": "<id> or tpl-7"}',
      "[/SUGGEST_FIX]",
    ].join("\n");
    const details = findPromptViolations("BAD_PROMPT", bad).map((violation) => violation.detail);
    expect(details).toEqual([
      '[QUESTIONS] has the literal value "Is the printer plugged in?"; use a <placeholder>',
      "[SUGGEST_FIX] has the literal value 85; use a <placeholder>",
      "[SUGGEST_FIX] has the literal value null; use a <placeholder>",
      "[SUGGEST_FIX] has the literal value true; use a <placeholder>",
      '[SUGGEST_FIX] has the literal value "<id> or tpl-7"; use a <placeholder>',
    ]);
  });

  it("accepts keys, placeholders, numeric placeholders, pipe-separated enums and an ellipsis", () => {
    const good = [
      "[FIX_OUTCOME]",
      '{"fix_id": "<fix id>", "outcome": "applied_success|applied_failed|applied_partial", "notes": "<notes>"}',
      "[/FIX_OUTCOME]",
      "[SUGGEST_FIX]",
      '{"confidence": <0-100>, "parameters": {"<name>": "<value>"}}',
      "[/SUGGEST_FIX]",
      "[ACTIONS]",
      '[{"label": "<check>"}, ...]',
      "[/ACTIONS]",
      "A [QUESTIONS] tag mentioned inline is prose, not a block.",
    ].join("\n");
    expect(findPromptViolations("GOOD_PROMPT", good)).toEqual([]);
  });
});
