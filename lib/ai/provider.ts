import type { z } from "zod";

/** Model tiers (J1): a capable model for documents, a cheap one for synthesis, the chat model for turns. */
export type ModelTier = "capable" | "cheap" | "chat";

/** A system prompt block; `cache` marks it for prompt caching (J2). Stable prompt constants go first. */
export type SystemBlock = { text: string; cache?: boolean };

export type ChatMessage = { role: "user" | "assistant"; content: string };

export type GenerateRequest = {
  tier: ModelTier;
  system: SystemBlock[];
  messages: ChatMessage[];
  /** Names the call in the `anthropic.cache` log line, e.g. "chat_turn", "resolution_note". */
  purpose: string;
  maxTokens?: number;
  /** Mark the conversation history (all but the newest message) for caching: chat turns (J2). */
  cacheHistory?: boolean;
  /**
   * Offer the model the documentation search tool when it is switched on (J4), answering without
   * it if the tool path fails. Every such call logs one `mcp.turn` line, switched on or not.
   */
  docsSearch?: boolean;
};

export type TokenUsage = {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
};

export type GenerateResult = { text: string; usage: TokenUsage };

/**
 * The AI platform (J1). One real implementation (Anthropic); tests reach it through a fake
 * Messages API at ANTHROPIC_BASE_URL. Every method throws AppError "unavailable" when the model
 * can't answer (rate limit, outage, overload), so callers can fall back (E6).
 */
export type AiProvider = {
  generateText(request: GenerateRequest): Promise<GenerateResult>;
  /** Asks for JSON only and validates it with `schema`; throws AppError "upstream" on bad JSON. */
  generateJson<T>(request: GenerateRequest & { schema: z.ZodType<T> }): Promise<T>;
  /** Streams text deltas to `onText` as they arrive, then resolves with the whole reply. */
  streamText(request: GenerateRequest, onText: (delta: string) => void): Promise<GenerateResult>;
};
