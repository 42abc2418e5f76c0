import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import type { z } from "zod";
import { toAppError } from "@/lib/ai/anthropic-errors";
import { streamWithDocsSearch, type StreamedReply } from "@/lib/ai/docs-search-stream";
import { buildMessages, buildSystemBlocks, MAX_CACHE_BREAKPOINTS, textOf, usesHistoryBreakpoint } from "@/lib/ai/anthropic-request";
import { logCacheUsage, toTokenUsage, type ApiUsage } from "@/lib/ai/cache-telemetry";
import { parseJsonReply } from "@/lib/ai/json-reply";
import { JSON_ONLY_FORMAT } from "@/lib/ai/prompts/json-output";
import type { AiProvider, GenerateRequest, GenerateResult, ModelTier } from "@/lib/ai/provider";
import { AppError } from "@/lib/errors";

const DEFAULT_MAX_TOKENS = 2048;

export type AnthropicProviderOptions = {
  client: Anthropic;
  models: Record<ModelTier, string>;
};

/** Builds the Messages API parameters: structured system blocks and cache breakpoints (J2). */
function toParams(request: GenerateRequest, model: string): MessageCreateParamsNonStreaming {
  const cacheHistory = request.cacheHistory ?? false;
  const systemBudget = MAX_CACHE_BREAKPOINTS - (usesHistoryBreakpoint(request.messages, cacheHistory) ? 1 : 0);
  const system = buildSystemBlocks(request.system, systemBudget);
  return {
    model,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(system.length > 0 ? { system } : {}),
    messages: buildMessages(request.messages, cacheHistory),
  };
}

function finish(request: GenerateRequest, message: { model: string; content: ReadonlyArray<{ type: string; text?: string }>; usage: ApiUsage }): GenerateResult {
  const usage = toTokenUsage(message.usage);
  logCacheUsage(request.purpose, message.model, usage);
  return { text: textOf(message.content), usage };
}

/**
 * The real AiProvider (J1) on the official SDK. Every method throws AppError "unavailable" when the
 * model can't answer and "upstream" when the API refuses the request, so callers fall back (E6).
 */
export function createAnthropicProvider({ client, models }: AnthropicProviderOptions): AiProvider {
  async function generateText(request: GenerateRequest): Promise<GenerateResult> {
    const params = toParams(request, models[request.tier]);
    let message: Anthropic.Message;
    try {
      message = await client.messages.create(params);
    } catch (error) {
      throw toAppError(error);
    }
    return finish(request, message);
  }

  async function generateJson<T>(request: GenerateRequest & { schema: z.ZodType<T> }): Promise<T> {
    const { schema, ...rest } = request;
    const result = await generateText({ ...rest, system: [...rest.system, { text: JSON_ONLY_FORMAT }] });
    return parseJsonReply(result.text, schema, request.purpose);
  }

  async function streamPlain(params: MessageCreateParamsNonStreaming, onText: (delta: string) => void): Promise<StreamedReply> {
    const stream = client.messages.stream(params);
    // Iterating (rather than `.on("text")`) means a throwing `onText` — say, the page went away —
    // ends the loop, and the iterator's return() aborts the HTTP stream instead of leaking it.
    for await (const event of stream) {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") onText(event.delta.text);
    }
    const message = await stream.finalMessage();
    return { model: message.model, text: textOf(message.content), usage: message.usage };
  }

  async function streamText(request: GenerateRequest, onText: (delta: string) => void): Promise<GenerateResult> {
    const params = toParams(request, models[request.tier]);
    try {
      const reply = request.docsSearch
        ? await streamWithDocsSearch(client, params, request.purpose, onText, streamPlain)
        : await streamPlain(params, onText);
      return finish(request, { model: reply.model, content: [{ type: "text", text: reply.text }], usage: reply.usage });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw toAppError(error);
    }
  }

  return { generateText, generateJson, streamText };
}
