import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { connectAccountToSimulator, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { createTemplateFor } from "@/tests/helpers/script-templates";
import { readEvents } from "@/tests/helpers/sse";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

/*
 * THE proof (H2/E5): a sensitive value given to a generation never appears in any later API
 * response, document preview, posted note (in FlowPilot or on the ConnectWise ticket), log line,
 * or request to the model — even when the engineer types it inside a longer string, and even when
 * the model says it back. The only place it may appear is the generate response's `script`.
 */

// The simulator is on loopback over http: allowed for tests only, before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { updatePreferences } = await import("@/lib/accounts/preferences");
const { backgroundTasksSettled } = await import("@/lib/notifications/dispatcher");
const { POST: generateRoute } = await import("@/app/api/v1/scripts/generate/route");
const { GET: generationsRoute } = await import("@/app/api/v1/scripts/generations/route");
const { GET: generationRoute } = await import("@/app/api/v1/scripts/generations/[id]/route");
const { GET: sessionRoute } = await import("@/app/api/v1/ai-sessions/[id]/route");
const { POST: turnsRoute } = await import("@/app/api/v1/ai-sessions/[id]/turns/route");
const { POST: notePreviewRoute } = await import("@/app/api/v1/ai-sessions/[id]/resolution-note/preview/route");
const { POST: packagePreviewRoute } = await import("@/app/api/v1/ai-sessions/[id]/escalation-package/preview/route");
const { POST: notePostRoute } = await import("@/app/api/v1/ai-sessions/[id]/resolution-note/post/route");

const SECRET = "Pa55-Unique-7f3a";
const TICKET = 48210;
const NOTE = "## Problem\nKiosk admin locked out.\n## What we confirmed\n- LAPS had no password.\n## Root cause\nExpired.\n## Resolution\nReset it.";
const PACKAGE = "## Problem\nP\n## What we've confirmed\n- C\n## What we've tried\n- T\n## Current hypothesis\nH\n## Suggested next steps\n- N";

const model = installFakeModel();
const sim = installConnectWiseSimulator();
let tenant: TestTenant;

/** Every line written through console.* during this file, as text. */
const logged: string[] = [];
const LEVELS = ["log", "info", "warn", "error", "debug"] as const;

beforeAll(async () => {
  for (const level of LEVELS) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === "string" ? arg : arg instanceof Error ? `${arg.message}\n${arg.stack}` : JSON.stringify(arg))).join(" "));
    });
  }
  tenant = await createTenant("Secret MSP");
  await connectAccountToSimulator(tenant.accountId, sim());
  await updatePreferences(viewerOf(tenant.owner), { cw_resolved_status_id: 105, cw_escalated_status_id: 104 });
});
afterAll(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

/** A response's body as text, kept for the final sweep as well as asserted on now. */
const seen: { what: string; text: string }[] = [];
async function bodyOf(what: string, response: Response): Promise<string> {
  const text = await response.text();
  seen.push({ what, text });
  expect(response.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(300);
  expect(text, what).not.toContain(SECRET);
  return text;
}

describe("a sensitive value given to a generation (H2, E5)", () => {
  it("never appears again: not in responses, previews, the posted note, the ticket, logs or the model's input", async () => {
    const engineer = tenant.engineer.id;
    const session = await createSessionFor(tenant.engineer, { title: "Kiosk admin locked out" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: String(TICKET), psaTicketRef: `CW #${TICKET}` } });
    const template = await createTemplateFor(tenant.engineer, { name: "Reset the kiosk admin" });

    // 1. The one response that carries the real script.
    const generated = await callRoute(generateRoute, "POST", {
      as: engineer,
      body: { template_id: template.id, parameters: { computer: "KIOSK-01", admin_password: SECRET }, ai_session_id: session.id },
    });
    expect(generated.status).toBe(201);
    const { script, ...rest } = await generated.json();
    expect(script).toContain(`'${SECRET}'`);
    expect(JSON.stringify(rest)).not.toContain(SECRET);
    const generationId: string = rest.generation.id;

    // 2. Every later view of the run.
    const byId = JSON.parse(await bodyOf("GET generation", await callRoute(generationRoute, "GET", { as: tenant.viewer.id, params: { id: generationId } })));
    expect(byId.parameters).toEqual({ computer: "KIOSK-01", admin_password: "••••" });
    await bodyOf("GET generations by session", await callRoute(generationsRoute, "GET", { as: engineer, query: { ai_session_id: session.id } }));
    await bodyOf("GET generations by template", await callRoute(generationsRoute, "GET", { as: engineer, query: { template_id: template.id } }));
    await bodyOf("GET generations", await callRoute(generationsRoute, "GET", { as: tenant.admin.id }));

    // 3. A chat turn whose message holds the value inside a longer string; the model says it back.
    const promote = JSON.stringify([{ text: `Kiosk admin password set to ${SECRET}` }]);
    model().enqueue({ text: `Good: sign in with ${SECRET} once, then rotate it.\n[PROMOTE]\n${promote}\n[/PROMOTE]`, chunkSize: 5 });
    const turn = await callRoute(turnsRoute, "POST", { as: engineer, params: { id: session.id }, body: { message: `Reset done, it is now kiosk-${SECRET}-2026. Next?` } });
    const turnText = await bodyOf("chat turn stream", turn);
    expect((await readEvents(new Response(turnText))).at(-1)?.event).toBe("done");
    expect(turnText).toContain("sign in with [REDACTED] once");
    // A second turn sends the first one back as history.
    model().enqueue({ text: "Then close the ticket." });
    await bodyOf("second chat turn", await callRoute(turnsRoute, "POST", { as: engineer, params: { id: session.id }, body: { message: "Anything else?" } }));

    // 4. The session as the pilot page reads it.
    await bodyOf("GET session", await callRoute(sessionRoute, "GET", { as: engineer, params: { id: session.id } }));

    // 5. Both previews, the model echoing the value in its drafts.
    model().setResponder((body) => {
      const asksForPackage = JSON.stringify(body.system).includes("Suggested next steps");
      return { text: `${asksForPackage ? PACKAGE : NOTE}\n\nPassword: ${SECRET}` };
    });
    const notePreview = JSON.parse(await bodyOf("resolution-note preview", await callRoute(notePreviewRoute, "POST", { as: engineer, params: { id: session.id }, body: {} })));
    expect(notePreview).toMatchObject({ ai_generated: true, markdown: expect.stringContaining("Password: [REDACTED]") });
    await bodyOf("escalation-package preview", await callRoute(packagePreviewRoute, "POST", { as: engineer, params: { id: session.id }, body: { refresh: true } }));
    model().setResponder(undefined);

    // 6. Posting the note, the engineer's edit quoting the value inside a longer string.
    const posted = JSON.parse(
      await bodyOf("post resolution note", await callRoute(notePostRoute, "POST", { as: engineer, params: { id: session.id }, body: { markdown: `${NOTE}\nUsed prefix-${SECRET}-suffix.` } })),
    );
    expect(posted).toMatchObject({ outcome: "resolved", status: "resolved" });
    expect(posted.markdown).toContain("Used prefix-[REDACTED]-suffix.");
    await backgroundTasksSettled();
    await bodyOf("GET session after resolve", await callRoute(sessionRoute, "GET", { as: engineer, params: { id: session.id } }));

    // What was stored and posted.
    const documentation = await db.sessionDocumentation.findMany({ where: { sessionId: session.id } });
    expect(documentation).toHaveLength(1);
    expect(documentation[0]!.markdown).toContain("prefix-[REDACTED]-suffix");
    const stored = await db.aiSession.findUniqueOrThrow({ where: { id: session.id }, include: { steps: true, facts: true, generations: true } });
    expect(JSON.stringify({ documentation, stored })).not.toContain(SECRET);
    const ticketNotes = sim().notes(TICKET);
    expect(JSON.stringify(ticketNotes)).toContain("prefix-[REDACTED]-suffix");
    expect(JSON.stringify(ticketNotes)).not.toContain(SECRET);
    expect(JSON.stringify(sim().requests)).not.toContain(SECRET);

    // Everything the model was sent: both chat turns and both previews.
    const purposes = model().requests.length;
    expect(purposes).toBeGreaterThanOrEqual(4);
    for (const request of model().requests) expect(JSON.stringify(request.body)).not.toContain(SECRET);
    expect(JSON.stringify(model().requests[0]!.body)).toContain("kiosk-[REDACTED]-2026");

    // Every log line of the whole flow.
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toContain(SECRET);
    expect(logged.some((line) => line.includes('"event":"scripts.generated"'))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(10);
  });
});

