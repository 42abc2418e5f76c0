/**
 * J4: documentation search for the model. A chat turn through the real route and SDK against the
 * fake Messages API: the MCP connector's request shape with ENABLE_MCP_MICROSOFT_LEARN=true, the
 * `mcp.turn` / `mcp.fallback` telemetry, the silent retry without the tool, and an unchanged
 * request with the flag off.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import { MCP_CONNECTOR_BETA, MICROSOFT_LEARN_MCP_URL, MICROSOFT_LEARN_SERVER_NAME } from "@/lib/ai/docs-search";
import { db } from "@/lib/db";
import { MCP_UNREACHABLE } from "@/tests/fakes/anthropic";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { readEvents } from "@/tests/helpers/sse";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;
let info: MockInstance<typeof console.info>;
const savedFlag = process.env.ENABLE_MCP_MICROSOFT_LEARN;

beforeAll(async () => {
  a = await createTenant("Docs search MSP");
});
beforeEach(() => {
  model().reset();
  info = vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedFlag === undefined) delete process.env.ENABLE_MCP_MICROSOFT_LEARN;
  else process.env.ENABLE_MCP_MICROSOFT_LEARN = savedFlag;
});

const ANSWER = "Per Microsoft Learn, reset the Outlook profile: close Outlook, then create a new profile in Mail settings.";

async function turn(message: string) {
  const session = await createSessionFor(a.engineer);
  const response = await callRoute(turnsRoute.POST, "POST", { as: a.engineer.id, params: { id: session.id }, body: { message } });
  expect(response.status).toBe(200);
  const events = await readEvents(response);
  const streamed = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
  return { session, events, streamed, last: events.at(-1)! };
}

/** The structured log lines of one event, parsed. */
function logged(event: string): Record<string, unknown>[] {
  return info.mock.calls
    .map(([line]) => (typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as Record<string, unknown>) : null))
    .filter((line): line is Record<string, unknown> => line?.event === event);
}

const betaHeader = (index: number) => String(model().requests[index]!.headers["anthropic-beta"] ?? "");

describe("documentation search (J4)", () => {
  it("without the flag, the request carries no MCP connector and the turn logs mcp.turn as not available", async () => {
    delete process.env.ENABLE_MCP_MICROSOFT_LEARN;
    model().enqueue({ text: ANSWER, mcpToolUses: [{ name: "microsoft_docs_search", result: "never used" }] });

    const { streamed, last } = await turn("Outlook keeps asking for the password.");
    expect(last.event).toBe("done");
    expect(streamed).toBe(ANSWER);
    expect(model().requests).toHaveLength(1);
    const body = model().requests[0]!.body;
    expect(body.mcp_servers).toBeUndefined();
    expect(body.tools).toBeUndefined();
    expect(betaHeader(0)).not.toContain("mcp-client");
    expect(logged("mcp.turn")).toEqual([
      { event: "mcp.turn", purpose: "chat_turn", mcp_available: false, mcp_invoked: false, tool_names: [], fallback: false },
    ]);
    expect(logged("mcp.fallback")).toEqual([]);
  });

  it("with the flag, offers the Microsoft Learn server and logs the tools the model called", async () => {
    process.env.ENABLE_MCP_MICROSOFT_LEARN = "true";
    model().enqueue({
      text: ANSWER,
      mcpToolUses: [
        { name: "microsoft_docs_search", input: { query: "Outlook repeatedly prompts for credentials" }, result: "Outlook prompts for password: …" },
        { name: "microsoft_docs_fetch", input: { url: "https://learn.microsoft.com/outlook/troubleshoot" }, result: "Full article text" },
        { name: "microsoft_docs_search", input: { query: "modern authentication Outlook" }, result: "Enable modern auth: …" },
      ],
    });

    const { session, streamed, last } = await turn("Outlook keeps asking for the password.");
    expect(last.event).toBe("done");
    // Only the model's prose reaches the engineer; tool blocks are not text.
    expect(streamed).toBe(ANSWER);

    expect(model().requests).toHaveLength(1);
    const body = model().requests[0]!.body;
    expect(body.mcp_servers).toEqual([{ type: "url", url: MICROSOFT_LEARN_MCP_URL, name: MICROSOFT_LEARN_SERVER_NAME }]);
    expect(body.tools).toEqual([{ type: "mcp_toolset", mcp_server_name: MICROSOFT_LEARN_SERVER_NAME }]);
    expect(betaHeader(0).split(",")).toContain(MCP_CONNECTOR_BETA);
    expect(body.stream).toBe(true);

    expect(logged("mcp.turn")).toEqual([
      {
        event: "mcp.turn",
        purpose: "chat_turn",
        mcp_available: true,
        mcp_invoked: true,
        tool_names: ["microsoft_docs_search", "microsoft_docs_fetch"],
        fallback: false,
      },
    ]);
    const reply = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: session.id, kind: "assistant_message" } });
    expect(reply.content).toBe(ANSWER);
  });

  it("logs a turn where the tool was offered but not called as available and not invoked", async () => {
    process.env.ENABLE_MCP_MICROSOFT_LEARN = "true";
    model().enqueue({ text: "Check the spooler first." });
    const { last } = await turn("The printer queue is stuck.");
    expect(last.event).toBe("done");
    expect(logged("mcp.turn")).toEqual([expect.objectContaining({ mcp_available: true, mcp_invoked: false, tool_names: [] })]);
  });

  it("when the tool path fails, logs mcp.fallback and answers once without the tool", async () => {
    process.env.ENABLE_MCP_MICROSOFT_LEARN = "true";
    model().setMcpFailure(MCP_UNREACHABLE);
    model().enqueue({ text: ANSWER });

    const { session, streamed, last } = await turn("Outlook keeps asking for the password.");
    expect(last.event).toBe("done");
    expect(streamed).toBe(ANSWER); // streamed once, not twice

    // The SDK does not retry a 400, so: one refused request with the tool, one without.
    expect(model().requests).toHaveLength(2);
    expect(model().requests[0]!.body.mcp_servers).toHaveLength(1);
    expect(model().requests[1]!.body.mcp_servers).toBeUndefined();
    expect(model().requests[1]!.body.tools).toBeUndefined();
    expect(betaHeader(1)).not.toContain("mcp-client");

    expect(logged("mcp.fallback")).toEqual([
      { event: "mcp.fallback", purpose: "chat_turn", error_type: "invalid_request_error", message: expect.stringContaining("MCP server"), retried: true },
    ]);
    expect(logged("mcp.turn")).toEqual([
      { event: "mcp.turn", purpose: "chat_turn", mcp_available: false, mcp_invoked: false, tool_names: [], fallback: true },
    ]);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((step) => [step.kind, step.content])).toEqual([
      ["engineer_message", "Outlook keeps asking for the password."],
      ["assistant_message", ANSWER],
    ]);
  });

  it("does not retry a tool-path failure after text was shown: no second answer under the first", async () => {
    process.env.ENABLE_MCP_MICROSOFT_LEARN = "true";
    model().enqueue({ text: ANSWER, chunkSize: 10, failAfterChars: 20, mcpToolUses: [{ name: "microsoft_docs_search", result: "…" }] });

    const { session, streamed, last } = await turn("Outlook keeps asking for the password.");
    expect(streamed).toBe(ANSWER.slice(0, 20));
    expect(last.event).toBe("error");
    expect(last.data).toMatchObject({ code: "unavailable" });
    expect(model().requests).toHaveLength(1);
    expect(logged("mcp.fallback")).toEqual([expect.objectContaining({ error_type: "overloaded_error", retried: false })]);
    expect(logged("mcp.turn")).toEqual([expect.objectContaining({ mcp_available: true, mcp_invoked: true, tool_names: ["microsoft_docs_search"], fallback: false })]);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps.map((step) => step.kind)).toEqual(["engineer_message"]);
  });

  it("when the retry without the tool fails too, the turn ends in the usual error and the message is kept", async () => {
    process.env.ENABLE_MCP_MICROSOFT_LEARN = "true";
    model().setMcpFailure(MCP_UNREACHABLE);
    model().enqueue({ status: 400, message: "messages: too long" });

    const { session, streamed, last } = await turn("VPN drops every ten minutes.");
    expect(streamed).toBe("");
    expect(last.event).toBe("error");
    expect(last.data).toMatchObject({ code: "upstream" });
    expect(logged("mcp.fallback")).toHaveLength(1);
    expect(logged("mcp.turn")).toEqual([expect.objectContaining({ mcp_available: false, fallback: true })]);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps.map((step) => step.kind)).toEqual(["engineer_message"]);
  });

  it("the fake refuses a connector request without the beta header or the toolset, as the real API does", async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${model().url}/v1/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const base = { model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }], mcp_servers: [{ type: "url", url: MICROSOFT_LEARN_MCP_URL, name: MICROSOFT_LEARN_SERVER_NAME }] };
    const noBeta = await post({}, { ...base, tools: [{ type: "mcp_toolset", mcp_server_name: MICROSOFT_LEARN_SERVER_NAME }] });
    expect(noBeta.status).toBe(400);
    expect((await noBeta.json()).error.type).toBe("invalid_request_error");
    const noToolset = await post({ "anthropic-beta": MCP_CONNECTOR_BETA }, base);
    expect(noToolset.status).toBe(400);
    model().enqueue({ text: "ok" });
    expect((await post({ "anthropic-beta": MCP_CONNECTOR_BETA }, { ...base, tools: [{ type: "mcp_toolset", mcp_server_name: MICROSOFT_LEARN_SERVER_NAME }] })).status).toBe(200);
  });
});
