import { APIError } from "@anthropic-ai/sdk";
import type { BetaMCPToolset, BetaRequestMCPServerURLDefinition } from "@anthropic-ai/sdk/resources/beta/messages";

/**
 * Documentation search for the model (J4): the Microsoft Learn MCP server, offered to chat turns
 * through the Messages API's MCP connector when ENABLE_MCP_MICROSOFT_LEARN is "true". The API
 * itself calls the server; FlowPilot only declares it and watches what the model did with it.
 */
export const MICROSOFT_LEARN_MCP_URL = "https://learn.microsoft.com/api/mcp";
export const MICROSOFT_LEARN_SERVER_NAME = "microsoft-learn";
/** The connector's beta: `mcp_servers` declares the server, an `mcp_toolset` entry in `tools` offers its tools. */
export const MCP_CONNECTOR_BETA = "mcp-client-2025-11-20";

/** Read at call time, like the other AI settings (lib/ai/ai-config.ts), so tests and a running app can switch it. */
export function isDocsSearchEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.ENABLE_MCP_MICROSOFT_LEARN?.trim().toLowerCase() === "true";
}

export type DocsSearchParams = {
  betas: string[];
  mcp_servers: BetaRequestMCPServerURLDefinition[];
  tools: BetaMCPToolset[];
};

export function docsSearchParams(): DocsSearchParams {
  return {
    betas: [MCP_CONNECTOR_BETA],
    mcp_servers: [{ type: "url", url: MICROSOFT_LEARN_MCP_URL, name: MICROSOFT_LEARN_SERVER_NAME }],
    tools: [{ type: "mcp_toolset", mcp_server_name: MICROSOFT_LEARN_SERVER_NAME }],
  };
}

export type McpTurn = {
  purpose: string;
  /** The tool was offered to the model on the answer the engineer got. */
  available: boolean;
  /** The model called at least one MCP tool. */
  invoked: boolean;
  toolNames: string[];
  /** The tool path failed and the turn was answered without it. */
  fellBack: boolean;
};

/** Telemetry must never break the call it describes, so every failure here is swallowed. */
function log(line: Record<string, unknown>): void {
  try {
    console.info(JSON.stringify(line));
  } catch {
    // A broken log sink is not the engineer's problem.
  }
}

/** One `mcp.turn` line per chat turn, with or without the tool: the baseline for whether it earns its keep. */
export function logMcpTurn(turn: McpTurn): void {
  log({
    event: "mcp.turn",
    purpose: turn.purpose,
    mcp_available: turn.available,
    mcp_invoked: turn.invoked,
    tool_names: turn.toolNames,
    fallback: turn.fellBack,
  });
}

/**
 * The tool path failed; `retried` says whether the turn was asked again without the tool. The
 * error is the SDK's own, so the line carries the API's error type (e.g. invalid_request_error).
 */
export function logMcpFallback(purpose: string, error: unknown, retried: boolean): void {
  log({
    event: "mcp.fallback",
    purpose,
    error_type: error instanceof APIError ? (error.type ?? `http_${error.status ?? "error"}`) : error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    retried,
  });
}
