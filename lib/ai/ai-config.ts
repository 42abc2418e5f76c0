import { z } from "zod";
import type { ModelTier } from "@/lib/ai/provider";

/**
 * The AI settings, read from `process.env` at call time rather than once through `lib/env.ts`:
 * tests start the fake Messages API in `beforeAll` and point ANTHROPIC_BASE_URL at it after the
 * modules are loaded, and a running app can be switched to another key or model without a rebuild.
 * `lib/env.ts` still declares the same variables so a bad value fails the boot check too.
 */
const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional());

const aiEnv = z.object({
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  ANTHROPIC_MODEL_CAPABLE: optionalString,
  ANTHROPIC_MODEL_CHEAP: optionalString,
  ANTHROPIC_MODEL_CHAT: optionalString,
});

export const DEFAULT_CAPABLE_MODEL = "claude-sonnet-5-5";
export const DEFAULT_CHEAP_MODEL = "claude-haiku-5-5";

export type AiConfig = {
  /** Undefined when AI is switched off: callers fall back to deterministic drafts (E6). */
  apiKey: string | undefined;
  /** Undefined means the SDK default (https://api.anthropic.com). */
  baseURL: string | undefined;
  models: Record<ModelTier, string>;
};

/** Reads and validates the AI settings now. Throws a ZodError naming the bad variable. */
export function readAiConfig(source: NodeJS.ProcessEnv = process.env): AiConfig {
  const parsed = aiEnv.parse({
    ANTHROPIC_API_KEY: source.ANTHROPIC_API_KEY,
    ANTHROPIC_BASE_URL: source.ANTHROPIC_BASE_URL,
    ANTHROPIC_MODEL_CAPABLE: source.ANTHROPIC_MODEL_CAPABLE,
    ANTHROPIC_MODEL_CHEAP: source.ANTHROPIC_MODEL_CHEAP,
    ANTHROPIC_MODEL_CHAT: source.ANTHROPIC_MODEL_CHAT,
  });
  const capable = parsed.ANTHROPIC_MODEL_CAPABLE ?? DEFAULT_CAPABLE_MODEL;
  return {
    apiKey: parsed.ANTHROPIC_API_KEY,
    baseURL: parsed.ANTHROPIC_BASE_URL,
    models: {
      capable,
      cheap: parsed.ANTHROPIC_MODEL_CHEAP ?? DEFAULT_CHEAP_MODEL,
      // The chat follows the capable model unless set: turns need the same reasoning as documents.
      chat: parsed.ANTHROPIC_MODEL_CHAT ?? capable,
    },
  };
}
