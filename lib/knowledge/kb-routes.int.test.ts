import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as draftRoute from "@/app/api/v1/ai-sessions/[id]/kb-articles/route";
import * as listRoute from "@/app/api/v1/kb-articles/route";
import * as articleRoute from "@/app/api/v1/kb-articles/[id]/route";
import * as publishRoute from "@/app/api/v1/kb-articles/[id]/publish/route";
import { db } from "@/lib/db";
import type { KbArticleView } from "@/lib/knowledge/kb-article-view";
import { addFacts, addFix } from "@/tests/helpers/documents";
import { withoutModel } from "@/tests/helpers/fake-model";
import { callRoute } from "@/tests/helpers/call-route";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("KB Routes MSP");
  other = await createTenant("KB Routes Other");
});
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function resolvedSession() {
  const session = await createSessionFor(tenant.engineer, { title: "Printer queue stuck at Fabrikam", status: "resolved" });
  await db.aiSession.update({ where: { id: session.id }, data: { companyName: "Fabrikam" } });
  await addFacts(tenant.engineer, session.id, ["Spooler on PRN-SRV01 hangs at 100% CPU"]);
  await addFix(tenant.engineer, session.id, { title: "Clear the spool folder", status: "applied_success", appliedAt: new Date(), verifiedAt: new Date() });
  return session;
}

const draft = (as: string, id: string, body: unknown) => withoutModel(() => callRoute(draftRoute.POST, "POST", { as, params: { id }, body }));

describe("KB article routes", () => {
  it("drafts (201), reads, edits, publishes and finds an article", async () => {
    const session = await resolvedSession();
    const created = await draft(tenant.engineer.id, session.id, { format: "troubleshooting" });
    expect(created.status).toBe(201);
    const article = (await created.json()) as KbArticleView;
    expect(article).toMatchObject({ status: "draft", format: "troubleshooting", session_id: session.id });
    expect(article.body_markdown).not.toMatch(/Fabrikam|PRN-SRV01/);

    const kept = await callRoute(articleRoute.PATCH, "PATCH", { as: tenant.engineer.id, params: { id: article.id }, body: { keep: ["[customer]"], title: "Spooler hangs at full CPU" } });
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as KbArticleView).body_markdown).toContain("Fabrikam");

    const published = await callRoute(publishRoute.POST, "POST", { as: tenant.admin.id, params: { id: article.id } });
    expect(published.status).toBe(200);
    const read = await callRoute(articleRoute.GET, "GET", { as: tenant.viewer.id, params: { id: article.id } });
    expect(((await read.json()) as KbArticleView).status).toBe("published");

    const found = await callRoute(listRoute.GET, "GET", { as: tenant.viewer.id, query: { q: "spooler", status: "published" } });
    expect(((await found.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(article.id);
  });

  it("refuses bad input with 422 and changes nothing", async () => {
    const session = await resolvedSession();
    const response = await draft(tenant.engineer.id, session.id, { format: "faq" });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("The format is troubleshooting or procedural.");
    expect(await db.kbArticle.count({ where: { sessionId: session.id } })).toBe(0);

    const created = (await (await draft(tenant.engineer.id, session.id, { format: "procedural" })).json()) as KbArticleView;
    const empty = await callRoute(articleRoute.PATCH, "PATCH", { as: tenant.engineer.id, params: { id: created.id }, body: { body_markdown: "   " } });
    expect(empty.status).toBe(422);
    const after = await db.kbArticle.findFirst({ where: { id: created.id }, select: { bodyMarkdown: true } });
    expect(after?.bodyMarkdown).toBe(created.body_markdown);

    expect((await callRoute(listRoute.GET, "GET", { as: tenant.engineer.id, query: { status: "archived" } })).status).toBe(422);
    expect((await callRoute(listRoute.GET, "GET", { as: tenant.engineer.id, query: { status: "" } })).status).toBe(200);
  });

  it("answers 409 for a session that is not resolved", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Open" });
    const response = await draft(tenant.engineer.id, session.id, { format: "troubleshooting" });
    expect(response.status).toBe(409);
  });

  it("lets a viewer read but not draft, edit or publish (403)", async () => {
    const session = await resolvedSession();
    const article = (await (await draft(tenant.engineer.id, session.id, { format: "troubleshooting" })).json()) as KbArticleView;
    expect((await draft(tenant.viewer.id, session.id, { format: "troubleshooting" })).status).toBe(403);
    expect((await callRoute(articleRoute.PATCH, "PATCH", { as: tenant.viewer.id, params: { id: article.id }, body: { title: "Viewer edit" } })).status).toBe(403);
    expect((await callRoute(publishRoute.POST, "POST", { as: tenant.viewer.id, params: { id: article.id } })).status).toBe(403);
    expect((await callRoute(articleRoute.GET, "GET", { as: tenant.viewer.id, params: { id: article.id } })).status).toBe(200);
  });

  it("shows another tenant nothing: 404 on every article route, and not in their list", async () => {
    const session = await resolvedSession();
    const article = (await (await draft(tenant.engineer.id, session.id, { format: "troubleshooting" })).json()) as KbArticleView;
    const as = other.owner.id;
    expect((await draft(as, session.id, { format: "troubleshooting" })).status).toBe(404);
    expect((await callRoute(articleRoute.GET, "GET", { as, params: { id: article.id } })).status).toBe(404);
    expect((await callRoute(articleRoute.PATCH, "PATCH", { as, params: { id: article.id }, body: { title: "Taken" } })).status).toBe(404);
    expect((await callRoute(publishRoute.POST, "POST", { as, params: { id: article.id } })).status).toBe(404);
    const list = (await (await callRoute(listRoute.GET, "GET", { as, query: {} })).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).not.toContain(article.id);
    expect((await db.kbArticle.findFirst({ where: { id: article.id } }))?.title).not.toBe("Taken");
  });
});
