import type Anthropic from "@anthropic-ai/sdk";
import { APIUserAbortError } from "@anthropic-ai/sdk";
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { toAppError } from "@/lib/ai/anthropic-errors";
import type { ApiUsage } from "@/lib/ai/cache-telemetry";
import { docsSearchParams, isDocsSearchEnabled, logMcpFallback, logMcpTurn } from "@/lib/ai/docs-search";

/** What a streamed reply settles to before it becomes a GenerateResult. */
export type StreamedReply = { model: string; text: string; usage: ApiUsage };
type StreamPlain = (params: MessageCreateParamsNonStreaming, onText: (delta: string) => void) => Promise<StreamedReply>;

/** Text blocks around a tool call are separate paragraphs; joined bare they would run together. */
const BLOCK_GAP = "\n\n";

/** Marks an error thrown by the caller's `onText` (the page went away), which must not be retried. */
class CallerFailure extends Error {
  constructor(readonly original: unknown) {
    super("onText failed");
  }
}

/**
 * A streamed turn with the documentation search tool (J4). With the flag off it is the plain
 * stream. With it on, the request carries the MCP connector; the names of the MCP tools the model
 * calls are taken from the `mcp_tool_use` blocks as they stream. When that request fails before
 * any text reached the engineer, `mcp.fallback` is logged and the turn is asked again without the
 * tool, silently. A failure after text was shown is not retried: a second answer would repeat or
 * contradict the prose already on screen, so the turn fails as any model failure does (the
 * engineer's message is saved) and the fallback line says `retried: false`.
 */
export async function streamWithDocsSearch(
  client: Anthropic,
  params: MessageCreateParamsNonStreaming,
  purpose: string,
  onText: (delta: string) => void,
  streamPlain: StreamPlain,
): Promise<StreamedReply> {
  if (!isDocsSearchEnabled()) {
    const reply = await streamPlain(params, onText);
    logMcpTurn({ purpose, available: false, invoked: false, toolNames: [], fellBack: false });
    return reply;
  }

  let shown = false;
  const toolNames: string[] = [];
  try {
    const reply = await streamBeta(client, params, toolNames, (delta) => {
      shown = true;
      try {
        onText(delta);
      } catch (error) {
        throw new CallerFailure(error);
      }
    });
    logMcpTurn({ purpose, available: true, invoked: toolNames.length > 0, toolNames: unique(toolNames), fellBack: false });
    return reply;
  } catch (error) {
    if (error instanceof CallerFailure) throw error.original;
    if (error instanceof APIUserAbortError) throw error;
    logMcpFallback(purpose, error, !shown);
    if (shown) {
      logMcpTurn({ purpose, available: true, invoked: toolNames.length > 0, toolNames: unique(toolNames), fellBack: false });
      throw toAppError(error);
    }
  }
  // The turn line is written whether the retry answers or fails too: every turn has one.
  try {
    return await streamPlain(params, onText);
  } finally {
    logMcpTurn({ purpose, available: false, invoked: false, toolNames: [], fellBack: true });
  }
}

async function streamBeta(
  client: Anthropic,
  params: MessageCreateParamsNonStreaming,
  toolNames: string[],
  onText: (delta: string) => void,
): Promise<StreamedReply> {
  const stream = client.beta.messages.stream({ ...params, ...docsSearchParams() });
  const texts: string[] = [];
  let current: number | undefined;
  for await (const event of stream) {
    if (event.type === "content_block_start") {
      const block = event.content_block;
      if (block.type === "mcp_tool_use") toolNames.push(block.name);
      if (block.type === "text") {
        if (texts.length > 0) onText(BLOCK_GAP);
        current = texts.push("") - 1;
      } else {
        current = undefined;
      }
    } else if (event.type === "content_block_delta" && event.delta.type === "text_delta" && current !== undefined) {
      texts[current] += event.delta.text;
      onText(event.delta.text);
    }
  }
  const message = await stream.finalMessage();
  return { model: message.model, text: texts.join(BLOCK_GAP), usage: message.usage };
}

const unique = (names: string[]) => [...new Set(names)];
