import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readAiConfig } from "@/lib/ai/ai-config";
import { db } from "@/lib/db";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { AppError } from "@/lib/errors";
import { createKbArticle, getKbArticle, publishKbArticle, updateKbArticle } from "@/lib/knowledge/kb-articles";
import { listKbArticles } from "@/lib/knowledge/kb-search";
import type { RecordedRequest } from "@/tests/fakes/anthropic";
import { addFacts, addFix, addScriptRun, addStep } from "@/tests/helpers/documents";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const SECRET = "Hunter2-Very-Secret";
const ARTICLE = [
  "# Mapped drive fails after password change",
  "## Symptoms",
  "- [user 1] on [host 1] cannot map the share on [host 2].",
  "## Cause",
  "Cached credentials for [customer].",
  "## Resolution",
  "Clear the stored credential and map again.",
  "## Verification",
  "The drive maps at sign-in.",
].join("\n");

const model = installFakeModel();
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("KB MSP");
  other = await createTenant("KB Other MSP");
});
beforeEach(() => {
  model().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const engineer = () => viewerOf(tenant.engineer);
const promptOf = (request: RecordedRequest) => JSON.stringify([request.body.system, request.body.messages]);

/** A resolved session with identifying facts, a confirmed fix, a script run with a secret, a chat and a note. */
async function resolvedSession(title = "Contoso Ltd: mapped drive fails for Jane after password change") {
  const session = await createSessionFor(tenant.engineer, { title, status: "resolved" });
  await db.aiSession.update({ where: { id: session.id }, data: { companyName: "Contoso Ltd", resolutionNoteMarkdown: "NOTE-ONLY-SENTENCE", resolvedAt: new Date() } });
  await addFacts(tenant.engineer, session.id, [
    "User jsmith (jane.smith@contoso.com) on LAPTOP-7QK2M cannot map \\\\FS01\\share",
    "FS01 answers on 10.20.0.14; Credential Manager holds an old password",
  ]);
  await addFix(tenant.engineer, session.id, { title: "Clear the cached credential", description: "Remove the stale entry from Credential Manager for FS01.", status: "applied_success", appliedAt: new Date(), verifiedAt: new Date() });
  await addScriptRun(tenant.engineer, session.id, {
    schema: [
      { name: "Server", label: "Server", type: "text", required: true, sensitive: false },
      { name: "Password", label: "Password", type: "password", required: true, sensitive: true },
    ],
    parameters: { Server: "FS01", Password: SECRET },
    renderedScript: `cmdkey /delete:FS01 ; net use S: \\\\FS01\\share /user:jsmith ${SECRET}`,
    name: "Reset mapped drive",
  });
  await addStep(tenant.engineer, session.id, "engineer_message", "CHAT-ONLY-TRANSCRIPT the user is on leave next week");
  await addStep(tenant.engineer, session.id, "assistant_message", "ASSISTANT-ONLY-REPLY");
  return session;
}

describe("drafting a KB article", () => {
  it("asks the capable model with only the facts, fix and redacted scripts, customer details as placeholders", async () => {
    model().enqueue({ text: ARTICLE });
    const session = await resolvedSession();
    const article = await createKbArticle(engineer(), { id: session.id, format: "troubleshooting" });

    expect(model().requests).toHaveLength(1);
    const request = model().requests[0]!;
    expect(request.body.model).toBe(readAiConfig().models.capable);
    const prompt = promptOf(request);
    expect(prompt).toContain("Credential Manager holds an old password");
    expect(prompt).toContain("Clear the cached credential");
    expect(prompt).toContain("Reset mapped drive");
    expect(prompt).toContain("[customer]");
    for (const absent of ["Contoso", "jane.smith@contoso.com", "jsmith", "LAPTOP-7QK2M", "FS01", "10.20.0.14", SECRET, "CHAT-ONLY", "ASSISTANT-ONLY", "NOTE-ONLY"]) {
      expect(prompt, absent).not.toContain(absent);
    }

    expect(article).toMatchObject({ session_id: session.id, format: "troubleshooting", status: "draft", ai_generated: true, fallback_reason: null, title: "Mapped drive fails after password change" });
    expect(article.body_markdown.startsWith("## Symptoms")).toBe(true);
    const values = article.redactions.map((item) => item.value);
    expect(values).toEqual(expect.arrayContaining(["Contoso Ltd", "jane.smith@contoso.com", "jsmith", "LAPTOP-7QK2M", "FS01", "10.20.0.14"]));
    expect(article.redactions.every((item) => !item.keep)).toBe(true);
  });

  it("hides a customer detail the model wrote anyway", async () => {
    model().enqueue({ text: ARTICLE.replace("Cached credentials for [customer].", "Cached credentials on LAPTOP-7QK2M at Contoso Ltd.") });
    const session = await resolvedSession();
    const article = await createKbArticle(engineer(), { id: session.id, format: "troubleshooting" });
    expect(article.body_markdown).not.toMatch(/LAPTOP-7QK2M|Contoso/);
  });

  it("falls back to a deterministic draft, logged, when the model fails", async () => {
    model().setOverride({ status: 529 });
    const warn = vi.mocked(console.warn);
    const session = await resolvedSession();
    const article = await createKbArticle(engineer(), { id: session.id, format: "procedural" });
    model().setOverride(undefined);

    expect(article.ai_generated).toBe(false);
    expect(article.fallback_reason).toMatch(/unavailable/);
    expect(article.body_markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect(article.body_markdown).toMatch(/## When to use this[\s\S]*## Steps\n\n1\. [\s\S]*## Verification/);
    expect(article.body_markdown).toContain("Clear the cached credential");
    expect(article.body_markdown).not.toMatch(/Contoso|FS01|jsmith|Hunter2/);
    expect(warn.mock.calls.map(([line]) => String(line)).some((line) => line.includes('"event":"kb.deterministic_draft"'))).toBe(true);
  });

  it("falls back when the model's reply is not the article", async () => {
    model().enqueue({ text: "Sure! Here is a summary of the session." });
    const session = await resolvedSession();
    const article = await createKbArticle(engineer(), { id: session.id, format: "troubleshooting" });
    expect(article.ai_generated).toBe(false);
    expect(article.body_markdown).toMatch(/## Symptoms[\s\S]*## Cause[\s\S]*## Resolution[\s\S]*## Verification/);
  });

  it("builds the deterministic draft without an AI key", async () => {
    const session = await resolvedSession();
    const article = await withoutModel(() => createKbArticle(engineer(), { id: session.id, format: "troubleshooting" }));
    expect(model().requests).toHaveLength(0);
    expect(article).toMatchObject({ ai_generated: false, fallback_reason: expect.stringMatching(/No AI is set up/) });
  });

  it("refuses a session that is not resolved (409) and another tenant's session (404), writing nothing", async () => {
    const active = await createSessionFor(tenant.engineer, { title: "Still open" });
    await expect(createKbArticle(engineer(), { id: active.id, format: "troubleshooting" })).rejects.toMatchObject({ code: "conflict" });
    const theirs = await createSessionFor(other.engineer, { title: "Theirs", status: "resolved" });
    await expect(createKbArticle(engineer(), { id: theirs.id, format: "troubleshooting" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.kbArticle.count({ where: { sessionId: { in: [active.id, theirs.id] } } })).toBe(0);
  });
});

describe("editing, redaction toggles and publishing", () => {
  it("keeps a redacted item when asked, and hides it again, without a model call", async () => {
    const session = await resolvedSession();
    const article = await withoutModel(() => createKbArticle(engineer(), { id: session.id, format: "troubleshooting" }));
    const placeholder = article.redactions.find((item) => item.value === "Clear the cached credential")?.placeholder;
    expect(placeholder).toBeUndefined();
    const host = article.redactions.find((item) => item.value === "FS01")!;

    const kept = await updateKbArticle(engineer(), { id: article.id, keep: [host.placeholder] });
    expect(kept.body_markdown).toContain("FS01");
    expect(kept.redactions.find((item) => item.value === "FS01")?.keep).toBe(true);

    const edited = await updateKbArticle(engineer(), { id: article.id, keep: [], body_markdown: `${kept.body_markdown}\nAsk jane.smith@contoso.com first.`, title: "Drive mapping at Contoso Ltd" });
    expect(edited.body_markdown).not.toContain("FS01");
    expect(edited.body_markdown).toContain("Ask [email] first.");
    expect(edited.title).toBe("Drive mapping at [customer]");
    expect(model().requests).toHaveLength(0);
  });

  it("publishes once; a second publish is a conflict", async () => {
    const session = await resolvedSession();
    const article = await withoutModel(() => createKbArticle(engineer(), { id: session.id, format: "troubleshooting" }));
    const published = await publishKbArticle(engineer(), article.id);
    expect(published).toMatchObject({ status: "published", published_at: expect.any(String) });
    await expect(publishKbArticle(engineer(), article.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers 404 for another tenant's article on read, edit and publish", async () => {
    const session = await resolvedSession();
    const article = await withoutModel(() => createKbArticle(engineer(), { id: session.id, format: "troubleshooting" }));
    const outsider = viewerOf(other.owner);
    // Each attempt starts only when it is awaited: a rejection left waiting is an unhandled one.
    const attempts = [() => getKbArticle(outsider, article.id), () => updateKbArticle(outsider, { id: article.id, title: "Mine now" }), () => publishKbArticle(outsider, article.id)];
    for (const attempt of attempts) {
      const failure = attempt();
      await expect(failure).rejects.toBeInstanceOf(AppError);
      await expect(failure).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await getKbArticle(engineer(), article.id)).status).toBe("draft");
  });
});

describe("searching the knowledge base", () => {
  it("finds articles by stemmed words in title or body, best match first, within the account only", async () => {
    const printer = await resolvedSession("Printers drop off the network every morning");
    const vpn = await resolvedSession("VPN disconnects after sleep");
    const printerArticle = await withoutModel(() => createKbArticle(engineer(), { id: printer.id, format: "troubleshooting" }));
    const vpnArticle = await withoutModel(() => createKbArticle(engineer(), { id: vpn.id, format: "procedural" }));
    await publishKbArticle(engineer(), vpnArticle.id);
    const theirs = await db.kbArticle.create({
      data: { accountId: other.accountId, authorId: other.engineer.id, format: "troubleshooting", title: "Printer offline at another MSP", bodyMarkdown: "printer", aiGenerated: false },
    });

    const found = await listKbArticles(engineer(), { q: "printer" });
    const ids = found.items.map((item) => item.id);
    expect(ids).toContain(printerArticle.id);
    expect(ids).not.toContain(vpnArticle.id);
    expect(ids).not.toContain(theirs.id);

    const published = await listKbArticles(engineer(), { q: undefined, status: "published" });
    expect(published.items.map((item) => item.id)).toContain(vpnArticle.id);
    expect(published.items.every((item) => item.status === "published")).toBe(true);

    const all = await listKbArticles(engineer(), { q: undefined });
    expect(all.items.map((item) => item.id)).not.toContain(theirs.id);
    expect(all.items[0]).toMatchObject({ format: expect.any(String), author_name: tenant.engineer.name, updated_at: expect.any(String) });
  });

  it("matches part of a title as typed", async () => {
    const session = await resolvedSession("Outlook OST rebuild loops");
    const article = await withoutModel(() => createKbArticle(engineer(), { id: session.id, format: "troubleshooting" }));
    expect((await listKbArticles(engineer(), { q: "rebui" })).items.map((item) => item.id)).toContain(article.id);
  });
});
