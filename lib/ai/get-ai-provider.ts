import Anthropic from "@anthropic-ai/sdk";
import { readAiConfig } from "@/lib/ai/ai-config";
import { createAnthropicProvider } from "@/lib/ai/anthropic-provider";
import type { AiProvider } from "@/lib/ai/provider";

/**
 * Two retries ride out a short 429/529/5xx blip with the SDK's backoff (about 0.5 s, then 1 s)
 * and then give up: past that the engineer is better served by the deterministic fallback (E6)
 * than by a spinner. The SDK honours the API's retry-after on rate limits.
 */
const MAX_RETRIES = 2;
/**
 * Per attempt, until the response starts. A non-streaming document call only answers once the
 * whole text is written (a long note on the capable model takes well under a minute); streams
 * start within seconds. The SDK default of ten minutes would hold a request far past usefulness.
 */
const TIMEOUT_MS = 90_000;
/** Keys rarely change; a small bound stops a rotated key's client from living forever. */
const MAX_CLIENTS = 4;

const clients = new Map<string, Anthropic>();

function clientFor(apiKey: string, baseURL: string | undefined): Anthropic {
  const cacheKey = `${apiKey}\u0000${baseURL ?? ""}`;
  let client = clients.get(cacheKey);
  if (!client) {
    // Explicit values only: a key passed in code stops the SDK reading other credentials from the
    // environment, and null (not undefined) stops it re-reading ANTHROPIC_BASE_URL behind our back.
    client = new Anthropic({ apiKey, baseURL: baseURL ?? null, maxRetries: MAX_RETRIES, timeout: TIMEOUT_MS });
    clients.set(cacheKey, client);
    if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
  }
  return client;
}

/**
 * The AI provider for the current configuration, or null when no API key is set (or the AI
 * settings are invalid, which is logged): callers then build deterministic drafts (E6). Settings
 * are read on every call; one SDK client is kept per (key, base URL).
 */
export function getAiProvider(): AiProvider | null {
  let config;
  try {
    config = readAiConfig();
  } catch (error) {
    console.error(JSON.stringify({ event: "ai.config_invalid", message: error instanceof Error ? error.message : String(error) }));
    return null;
  }
  if (!config.apiKey) return null;
  return createAnthropicProvider({ client: clientFor(config.apiKey, config.baseURL), models: config.models });
}
