import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as previewPackageRoute } from "@/app/api/v1/ai-sessions/[id]/escalation-package/preview/route";
import { db } from "@/lib/db";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { ESCALATION_PACKAGE_SECTIONS, RESOLUTION_NOTE_SECTIONS } from "@/lib/documents/document-structure";
import { postResolutionNote } from "@/lib/documents/post-resolution";
import { previewEscalationPackage, previewResolutionNote } from "@/lib/documents/preview";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import type { RecordedRequest } from "@/tests/fakes/anthropic";
import { callRoute } from "@/tests/helpers/call-route";
import { addFacts } from "@/tests/helpers/documents";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

/** E1/E2/E6: a model reply that is not the requested document is never taken for it. */

const PROSE = "Understood. Let's narrow this down step by step.";
const NOTE = "## Problem\nMail stuck in the outbox.\n## What we confirmed\n- Three messages wait.\n## Root cause\nA full mailbox.\n## Resolution\nArchived old mail; the outbox emptied.";
const PACKAGE = [
  "## Problem", "VPN drops hourly.", "## What we've confirmed", "- Every user.", "## What we've tried", "- Reinstalled the client.",
  "## Current hypothesis", "IPsec lifetime mismatch.", "## Suggested next steps", "1. Compare lifetimes.",
].join("\n");

const model = installFakeModel();
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Validation MSP");
});
beforeEach(() => {
  model().reset();
  model().setResponder(() => ({ text: PROSE }));
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  model().setResponder(undefined);
  vi.restoreAllMocks();
});

const engineer = () => viewerOf(tenant.engineer);
const textOf = (content: RecordedRequest["body"]["messages"][number]["content"]) =>
  typeof content === "string" ? content : content.map((block) => block.text ?? "").join("");
const conversationOf = (request: RecordedRequest) => request.body.messages.map((message) => ({ role: message.role, text: textOf(message.content) }));
/** The structured log lines with this event name. */
const logged = (event: string) =>
  vi
    .mocked(console.warn)
    .mock.calls.map(([line]) => (typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as Record<string, unknown>) : null))
    .filter((line) => line?.event === event);

describe("a resolution note", () => {
  it("is the deterministic draft after prose twice: one corrective retry naming the sections, then posted as that draft", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Outbox stuck" });
    await addFacts(tenant.engineer, session.id, ["Three messages wait in the outbox"]);

    const preview = await previewResolutionNote(engineer(), session.id);
    expect(model().requests).toHaveLength(2);
    const [bundleTurn, replyTurn, correction] = conversationOf(model().requests[1]!);
    expect(bundleTurn).toEqual(conversationOf(model().requests[0]!)[0]);
    expect(replyTurn).toEqual({ role: "assistant", text: PROSE });
    expect(correction!.role).toBe("user");
    expect(correction!.text).toContain("That reply is not the resolution note");
    for (const section of RESOLUTION_NOTE_SECTIONS) {
      expect(correction!.text).toContain(`"${section}"`);
      expect(correction!.text).toContain(`## ${section}`);
    }
    expect(correction!.text).toContain("Answer again with only the resolution note");
    // Same system prompt, so the retry reads it from the prompt cache.
    expect(model().requests[1]!.body.system).toEqual(model().requests[0]!.body.system);

    expect(preview).toMatchObject({ ai_generated: false, from_cache: false });
    expect(preview.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect(preview.markdown).toContain("- Three messages wait in the outbox");
    expect(preview.markdown).not.toContain(PROSE);
    expect(preview.fallback_reason).toMatch(/^The AI's reply was not a resolution note \(missing Problem, What we confirmed, Root cause, Resolution\), even after a second try/);
    expect(logged("documents.invalid_reply")).toEqual([
      expect.objectContaining({ kind: "resolution_note", session_id: session.id, attempt: 1, missing: [...RESOLUTION_NOTE_SECTIONS], empty: [] }),
      expect.objectContaining({ attempt: 2 }),
    ]);
    expect(logged("documents.deterministic_draft")).toEqual([
      expect.objectContaining({ session_id: session.id, reason: expect.stringContaining("missing Problem, What we confirmed, Root cause, Resolution") }),
    ]);

    // Posting without an edit posts the preview: still not the prose, and flagged not AI-written.
    const posted = await postResolutionNote(engineer(), session.id);
    expect(model().requests).toHaveLength(4); // the deterministic draft was not cached, so the model got another chance
    expect(posted).toMatchObject({ markdown: preview.markdown, ai_generated: false });
    const doc = await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(doc).toMatchObject({ kind: "resolution_note", markdown: preview.markdown, aiGenerated: false });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).resolutionNoteMarkdown).toBe(preview.markdown);
  });

  it("stays flagged not AI-written when the dialog posts the deterministic preview's text back", async () => {
    const session = await createSessionFor(tenant.engineer);
    const preview = await previewResolutionNote(engineer(), session.id);
    // The dialog always sends the text it shows; an unedited deterministic draft is still not the model's.
    const posted = await postResolutionNote(engineer(), session.id, { markdown: preview.markdown });
    expect(posted).toMatchObject({ ai_generated: false });
    expect(await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ aiGenerated: false });
    expect(posted.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
  });

  it("is the model's note when the retry gets it right, AI-written and cached", async () => {
    const session = await createSessionFor(tenant.engineer);
    model().enqueue({ text: PROSE }, { text: NOTE });

    const preview = await previewResolutionNote(engineer(), session.id);
    expect(preview).toMatchObject({ markdown: `${NOTE}\n`, ai_generated: true, fallback_reason: null, from_cache: false });
    expect(model().requests).toHaveLength(2);
    expect(conversationOf(model().requests[1]!).map((turn) => turn.role)).toEqual(["user", "assistant", "user"]);
    expect(logged("documents.invalid_reply")).toHaveLength(1);
    expect(logged("documents.deterministic_draft")).toHaveLength(0);

    expect(await previewResolutionNote(engineer(), session.id)).toMatchObject({ markdown: `${NOTE}\n`, from_cache: true, ai_generated: true });
    expect(model().requests).toHaveLength(2);
  });

  it("takes a valid first reply without a retry", async () => {
    const session = await createSessionFor(tenant.engineer);
    model().enqueue({ text: NOTE });
    expect(await previewResolutionNote(engineer(), session.id)).toMatchObject({ markdown: `${NOTE}\n`, ai_generated: true });
    expect(model().requests).toHaveLength(1);
    expect(model().requests[0]!.body.messages).toHaveLength(1);
    expect(logged("documents.invalid_reply")).toHaveLength(0);
  });

  it("names only what is missing or empty in the corrective message", async () => {
    const session = await createSessionFor(tenant.engineer);
    const partial = "## Problem\n\n## What we confirmed\n- A fact\n## Resolution\nDone.";
    model().enqueue({ text: partial }, { text: NOTE });
    await previewResolutionNote(engineer(), session.id);
    const correction = conversationOf(model().requests[1]!)[2]!.text;
    expect(correction).toContain('these sections are missing: "Root cause"');
    expect(correction).toContain('these sections have a heading but nothing under it: "Problem"');
    expect(correction).not.toContain('"What we confirmed"');
  });

  it("is the deterministic draft when the model goes down for the retry", async () => {
    const session = await createSessionFor(tenant.engineer);
    model().enqueue({ text: PROSE });
    model().setResponder(() => ({ status: 529 }));
    const preview = await previewResolutionNote(engineer(), session.id);
    expect(preview).toMatchObject({ ai_generated: false });
    expect(preview.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect(preview.fallback_reason).toContain("not a resolution note and the AI was unavailable for a second try");
    expect(logged("documents.deterministic_draft")).toEqual([expect.objectContaining({ reason: expect.stringContaining("and the retry failed") })]);
  });
});

describe("an escalation package", () => {
  it("is the deterministic package after prose twice, and that is what the escalation stores", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "VPN drops" });
    const preview = await previewEscalationPackage(engineer(), session.id);
    expect(model().requests).toHaveLength(2);
    const correction = conversationOf(model().requests[1]!)[2]!;
    expect(correction.text).toContain("That reply is not the escalation package");
    for (const section of ESCALATION_PACKAGE_SECTIONS) expect(correction.text).toContain(`"${section}"`);
    expect(preview).toMatchObject({ kind: "escalation_package", ai_generated: false });
    expect(preview.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect(preview.fallback_reason).toMatch(/^The AI's reply was not an escalation package \(missing Problem, What we've confirmed, What we've tried, Current hypothesis, Suggested next steps\)/);

    const result = await createHandoff(engineer(), { sessionId: session.id, intent: "escalate", reason: "Needs the firewall admin" });
    expect(result.documentation).toMatchObject({ markdown: preview.markdown, ai_generated: false });
    expect(result.documentation!.markdown).not.toContain(PROSE);
    const doc = await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(doc).toMatchObject({ kind: "escalation_package", aiGenerated: false, markdown: preview.markdown });
  });

  it("is the model's package when the retry gets it right, and a valid first reply needs no retry", async () => {
    const retried = await createSessionFor(tenant.engineer);
    model().enqueue({ text: PROSE }, { text: PACKAGE });
    expect(await previewEscalationPackage(engineer(), retried.id)).toMatchObject({ markdown: `${PACKAGE}\n`, ai_generated: true });
    expect(model().requests).toHaveLength(2);
    expect(await previewEscalationPackage(engineer(), retried.id)).toMatchObject({ from_cache: true, ai_generated: true });

    const direct = await createSessionFor(tenant.engineer);
    model().enqueue({ text: PACKAGE });
    expect(await previewEscalationPackage(engineer(), direct.id)).toMatchObject({ markdown: `${PACKAGE}\n`, ai_generated: true });
    expect(model().requests).toHaveLength(3);
  });

  it("does not take a resolution note for a package", async () => {
    const session = await createSessionFor(tenant.engineer);
    model().enqueue({ text: NOTE }, { text: NOTE });
    const preview = await previewEscalationPackage(engineer(), session.id);
    expect(preview.ai_generated).toBe(false);
    expect(conversationOf(model().requests[1]!)[2]!.text).toContain(`these sections are missing: "What we've confirmed", "What we've tried", "Current hypothesis", "Suggested next steps"`);
  });

  it("says through the API why it was drafted without AI", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(previewPackageRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: {} });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ai_generated: boolean; fallback_reason: string | null };
    expect(body.ai_generated).toBe(false);
    expect(body.fallback_reason).toMatch(/^The AI's reply was not an escalation package/);
  });
});
