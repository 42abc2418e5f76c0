import type { TokenUsage } from "@/lib/ai/provider";

/** The usage block of a Messages API response; the cache counters are null when not applicable. */
export type ApiUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

export function toTokenUsage(usage: ApiUsage): TokenUsage {
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
    cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
  };
}

/**
 * Logs the one `anthropic.cache` line per response (J2), so cache hits and misses are visible per
 * purpose. Telemetry must never break the call it describes, so every failure here is swallowed.
 */
export function logCacheUsage(purpose: string, model: string, usage: TokenUsage): void {
  try {
    console.info(
      JSON.stringify({
        event: "anthropic.cache",
        purpose,
        model,
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens,
        cache_read_input_tokens: usage.cacheReadInputTokens,
        cache_creation_input_tokens: usage.cacheCreationInputTokens,
      }),
    );
  } catch {
    // A broken log sink is not the engineer's problem.
  }
}
