import { beforeAll, describe, expect, it } from "vitest";
import * as templateRoute from "@/app/api/v1/scripts/templates/[id]/route";
import * as templatesRoute from "@/app/api/v1/scripts/templates/route";
import { db } from "@/lib/db";
import { loadTemplateVersion } from "@/lib/scripts/templates/template-version";
import { callRoute } from "@/tests/helpers/call-route";
import { createCategoryFor, createTemplateFor, SPOOLER_BODY } from "@/tests/helpers/script-templates";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Versions A");
  b = await createTenant("Versions B");
});

const patch = (as: string, id: string, body: unknown) => callRoute(templateRoute.PATCH, "PATCH", { as, params: { id }, body });
const archive = (as: string, id: string) => callRoute(templateRoute.DELETE, "DELETE", { as, params: { id } });
const read = async (as: string, id: string, query?: Record<string, string>) => callRoute(templateRoute.GET, "GET", { as, params: { id }, query });
const list = async (as: string, query?: Record<string, string>) =>
  ((await (await callRoute(templatesRoute.GET, "GET", { as, query })).json()) as { items: { id: string }[] }).items.map((item) => item.id);

describe("PATCH /api/v1/scripts/templates/[id]", () => {
  it("keeps every version: edited twice, versions 1..3 are readable and ?version=1 is the original", async () => {
    const { id } = await createTemplateFor(a.engineer);
    const second = "Restart-Service -Name Spooler -ComputerName {{computer}}";
    const first = await patch(a.engineer.id, id, { body: second, parameters: [{ name: "computer", type: "text" }] });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 2, body: second });
    const third = await patch(a.admin.id, id, { name: "Restart the spooler (v3)" });
    expect(await third.json()).toMatchObject({ version: 3, name: "Restart the spooler (v3)", body: second });

    const current = await (await read(a.viewer.id, id)).json();
    expect(current.versions.map((entry: { version: number }) => entry.version)).toEqual([3, 2, 1]);
    expect(current.versions[0].created_by).toEqual({ id: a.admin.id, name: a.admin.name });
    const original = await (await read(a.viewer.id, id, { version: "1" })).json();
    expect(original).toMatchObject({ version: 1, body: SPOOLER_BODY, name: expect.stringMatching(/^Restart the print spooler/) });
    expect(original.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(["computer", "admin_password"]);
    expect(await (await read(a.viewer.id, id, { version: "2" })).json()).toMatchObject({ version: 2, body: second });
    expect((await read(a.viewer.id, id, { version: "4" })).status).toBe(404);

    const stored = await loadTemplateVersion(db, a.accountId, id, 1);
    expect(stored).toMatchObject({ version: 1, body: SPOOLER_BODY, language: "powershell" });
    expect((await loadTemplateVersion(db, a.accountId, id)).version).toBe(3);
    await expect(loadTemplateVersion(db, b.accountId, id, 1)).rejects.toMatchObject({ code: "not_found" });
  });

  it("moves a template to another category without a new version", async () => {
    const { id } = await createTemplateFor(a.engineer);
    const category = await createCategoryFor(a.accountId);
    const response = await patch(a.engineer.id, id, { category_id: category.id });
    expect(await response.json()).toMatchObject({ version: 1, category: { id: category.id } });
    expect(await (await patch(a.engineer.id, id, { category_id: null })).json()).toMatchObject({ version: 1, category: null });
  });

  it("is 422 when the edit would leave the body using an undeclared parameter", async () => {
    const { id } = await createTemplateFor(a.engineer);
    const response = await patch(a.engineer.id, id, { parameters: [{ name: "computer", type: "text" }] });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toContain("{{admin_password}}");
    expect((await db.scriptTemplate.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("is 400 for an unknown category and 422 for an empty patch", async () => {
    const { id } = await createTemplateFor(a.engineer);
    const theirs = await createCategoryFor(b.accountId);
    expect((await patch(a.engineer.id, id, { category_id: theirs.id })).status).toBe(400);
    expect((await patch(a.engineer.id, id, {})).status).toBe(422);
  });

  it("keeps the content of a template written before versions existed as its version", async () => {
    const legacy = await db.scriptTemplate.create({ data: { accountId: a.accountId, name: "Legacy", language: "bash", body: "echo old" } });
    expect((await (await read(a.viewer.id, legacy.id)).json()).versions).toMatchObject([{ version: 1, created_by: null }]);
    await patch(a.engineer.id, legacy.id, { body: "echo new" });
    expect(await (await read(a.viewer.id, legacy.id, { version: "1" })).json()).toMatchObject({ body: "echo old" });
    expect(await (await read(a.viewer.id, legacy.id)).json()).toMatchObject({ version: 2, body: "echo new" });
  });

  it("is 403 for a viewer and 404 for another tenant, changing nothing", async () => {
    const { id } = await createTemplateFor(a.engineer);
    expect((await patch(a.viewer.id, id, { name: "Viewer edit" })).status).toBe(403);
    expect((await patch(b.owner.id, id, { name: "Other tenant edit" })).status).toBe(404);
    expect(await db.scriptTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, name: expect.stringMatching(/^Restart the print spooler/) });
  });

  it("gives concurrent edits distinct versions", async () => {
    const { id } = await createTemplateFor(a.engineer);
    const responses = await Promise.all([1, 2, 3, 4].map((n) => patch(a.engineer.id, id, { description: `Edit ${n}` })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const versions = await db.scriptTemplateVersion.findMany({ where: { templateId: id }, orderBy: { version: "asc" } });
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("DELETE /api/v1/scripts/templates/[id] (archive)", () => {
  it("hides the template from the list but keeps it readable by id, versions included", async () => {
    const { id } = await createTemplateFor(a.engineer);
    await patch(a.engineer.id, id, { description: "Second version" });
    const response = await archive(a.engineer.id, id);
    expect(response.status).toBe(200);
    const archivedAt = (await response.json()).archived_at;
    expect(archivedAt).toEqual(expect.any(String));
    expect(await list(a.viewer.id)).not.toContain(id);
    expect(await list(a.viewer.id, { include_archived: "true" })).toContain(id);
    expect(await (await read(a.viewer.id, id, { version: "1" })).json()).toMatchObject({ version: 1, archived_at: archivedAt });
    // Archiving again keeps the first stamp; editing an archived template is refused.
    expect((await (await archive(a.owner.id, id)).json()).archived_at).toBe(archivedAt);
    expect((await patch(a.engineer.id, id, { name: "Too late" })).status).toBe(409);
  });

  it("is 403 for a viewer and 404 for another tenant", async () => {
    const { id } = await createTemplateFor(a.engineer);
    expect((await archive(a.viewer.id, id)).status).toBe(403);
    expect((await archive(b.owner.id, id)).status).toBe(404);
    expect((await db.scriptTemplate.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });
});
