import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as messagesRoute from "@/app/api/v1/script-builder/sessions/[id]/messages/route";
import { DEFAULT_CAPABLE_MODEL } from "@/lib/ai/ai-config";
import { SCRIPT_BUILDER_SYSTEM_PROMPT, BASH_BUILDER_PROMPT } from "@/lib/ai/prompts/script-builder";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { createBuilderSession, getBuilderSession } from "@/lib/script-builder/builder-sessions";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";
import { callRoute } from "@/tests/helpers/call-route";
import { readEvents } from "@/tests/helpers/sse";
import { suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Builder chat MSP");
  b = await createTenant("Builder chat other");
});
beforeEach(() => model().reset());

const send = (id: string, message: string, as = a.engineer.id) => callRoute(messagesRoute.POST, "POST", { as, params: { id }, body: { message } });

const SCRIPT_V1 = '#!/usr/bin/env bash\nset -euo pipefail\nDIR="${1:-/var/tmp}"\nfind "$DIR" -mtime +7 -delete';
const REPLY_V1 = ["This deletes files older than a week in one directory.", "", "```bash", SCRIPT_V1, "```", "", "```parameters", '{"DIR": "/srv/cache"}', "```"].join("\n");

type Done = { message: { id: string; role: string; content: string }; current_script: string | null; current_parameters: unknown };

describe("a builder message", () => {
  it("streams the reply, then stores it and the script it carries on the session", async () => {
    const builder = await createBuilderSession(viewerOf(a.engineer), { language: "bash" });
    model().enqueue({ text: REPLY_V1, chunkSize: 9 });

    const response = await send(builder.id, "Clean files older than 7 days out of a directory");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = await readEvents(response);
    const deltas = events.filter((event) => event.event === "delta");
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((event) => (event.data as { text: string }).text).join("")).toBe(REPLY_V1);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data as Done).toMatchObject({
      message: { role: "assistant", content: REPLY_V1 },
      current_script: SCRIPT_V1,
      current_parameters: { DIR: "/srv/cache" },
    });

    const stored = await getBuilderSession(viewerOf(a.engineer), builder.id);
    expect(stored.current_script).toBe(SCRIPT_V1);
    expect(stored.current_parameters).toEqual({ DIR: "/srv/cache" });
    // The first message names a session nobody named.
    expect(stored.title).toBe("Clean files older than 7 days out of a directory");
    expect(stored.messages.map((message) => [message.role, message.content])).toEqual([
      ["user", "Clean files older than 7 days out of a directory"],
      ["assistant", REPLY_V1],
    ]);

    const request = model().requests[0]!;
    expect(request.stream).toBe(true);
    expect(request.body.model).toBe(DEFAULT_CAPABLE_MODEL);
    expect(request.body.system).toEqual([
      { type: "text", text: SCRIPT_BUILDER_SYSTEM_PROMPT, cache_control: { type: "ephemeral" } },
      { type: "text", text: BASH_BUILDER_PROMPT, cache_control: { type: "ephemeral" } },
    ]);
  });

  it("sends the history and the current script; a reply without a script keeps it", async () => {
    const builder = await createBuilderSession(viewerOf(a.engineer), { title: "Temp cleanup", language: "bash" });
    model().enqueue({ text: REPLY_V1 });
    await readEvents(await send(builder.id, "Clean old files"));

    model().enqueue({ text: "Should it also remove empty directories?" });
    const done = (await readEvents(await send(builder.id, "Make it log what it deletes"))).at(-1)!;
    expect(done.data as Done).toMatchObject({ current_script: SCRIPT_V1, current_parameters: { DIR: "/srv/cache" } });

    const sent = model().requests[1]!.body;
    expect(sent.messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    const latest = JSON.stringify(sent.messages[2]!.content);
    expect(latest).toContain("Make it log what it deletes");
    expect(latest).toContain("Current script:");
    expect(latest).toContain("find \\\"$DIR\\\" -mtime +7 -delete");
    const stored = await getBuilderSession(viewerOf(a.engineer), builder.id);
    expect(stored.title).toBe("Temp cleanup");
    expect(stored.current_script).toBe(SCRIPT_V1);
  });

  it("gives an inline builder the pilot session's live facts and fix, scrubbed of sensitive values", async () => {
    const pilot = await createSessionFor(a.engineer, { title: "Print queue stuck" });
    const secret = "tok-Zq81-never-to-the-model";
    await db.sessionFact.createMany({
      data: [
        { accountId: a.accountId, sessionId: pilot.id, text: "The spooler service hangs after every job.", sourceKind: "engineer_note", createdById: a.engineer.id },
        { accountId: a.accountId, sessionId: pilot.id, text: `The print server API answers with token ${secret}.`, sourceKind: "engineer_note", createdById: a.engineer.id },
      ],
    });
    // A script run of the session with a sensitive value (H2 seals it): E5 keeps it from the model.
    await db.scriptGeneration.create({
      data: {
        accountId: a.accountId,
        sessionId: pilot.id,
        userId: a.engineer.id,
        renderedScript: "Invoke-RestMethod -Headers @{ Authorization = '[REDACTED]' }",
        parameters: { api_token: "[REDACTED]" },
        sensitiveValuesSealed: sealSecret(JSON.stringify({ api_token: secret })),
      },
    });
    const fix = await suggestFix(a.engineer, pilot.id);
    const inline = await getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id);
    model().enqueue({ text: "```powershell\nRestart-Service -Name Spooler\n```" });
    const done = (await readEvents(await send(inline.id, "Write the restart as a script"))).at(-1)!;
    expect(done.event).toBe("done");
    const prompt = JSON.stringify(model().requests[0]!.body.messages);
    expect(prompt).toContain("Pilot session: Print queue stuck");
    expect(prompt).toContain("The spooler service hangs after every job.");
    expect(prompt).toContain(`fix id ${fix.id}`);
    expect(prompt).toContain("Restart-Service -Name Spooler -Force");
    expect(prompt).toContain("The print server API answers with token [REDACTED].");
    expect(prompt).not.toContain(secret);
  });

  it("saves the engineer's message and streams an error when the model is down", async () => {
    const builder = await createBuilderSession(viewerOf(a.engineer), { title: "Down", language: "python" });
    model().enqueue({ status: 529 }, { status: 529 }, { status: 529 }, { status: 529 });
    const events = await readEvents(await send(builder.id, "List stopped services"));
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      event: "error",
      data: { code: "unavailable", message: "The AI is unavailable right now. Your message is saved; send another to try again." },
    });
    const stored = await getBuilderSession(viewerOf(a.engineer), builder.id);
    expect(stored.messages.map((message) => [message.role, message.content])).toEqual([["user", "List stopped services"]]);
    expect((last.data as { user_message_id: string }).user_message_id).toBe(stored.messages[0]!.id);
    expect(stored.current_script).toBeNull();

    // Without any model configured: the same event, the message kept.
    const offline = await withoutModel(async () => readEvents(await send(builder.id, "Still there?")));
    expect(offline.at(-1)).toMatchObject({ event: "error", data: { code: "unavailable" } });
    expect(await db.scriptBuilderMessage.count({ where: { builderSessionId: builder.id } })).toBe(2);
  });

  it("refuses another user's builder with 404 and viewers with 403, before saving anything", async () => {
    const builder = await createBuilderSession(viewerOf(a.engineer), { title: "Mine", language: "bash" });
    expect((await send(builder.id, "hello", a.admin.id)).status).toBe(404);
    expect((await send(builder.id, "hello", b.owner.id)).status).toBe(404);
    expect((await send(builder.id, "hello", a.viewer.id)).status).toBe(403);
    expect((await send(builder.id, "   ")).status).toBe(422);
    expect(await db.scriptBuilderMessage.count({ where: { builderSessionId: builder.id } })).toBe(0);
    expect(model().requests).toHaveLength(0);
  });
});
