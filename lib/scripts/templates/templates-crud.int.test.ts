import { beforeAll, describe, expect, it } from "vitest";
import * as templateRoute from "@/app/api/v1/scripts/templates/[id]/route";
import * as templatesRoute from "@/app/api/v1/scripts/templates/route";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createCategoryFor, createTemplateFor } from "@/tests/helpers/script-templates";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Library A");
  b = await createTenant("Library B");
});

const spooler = {
  name: "Restart a stuck print spooler",
  description: "Stops the spooler, clears stuck jobs, starts it again.",
  language: "powershell",
  body: "Invoke-Command -ComputerName {{server}} { Restart-Service Spooler -Force }",
  parameters: [{ name: "server", label: "Print server", type: "text", description: "The host holding the queue." }],
};

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const create = (as: string, body: unknown) => callRoute(templatesRoute.POST, "POST", { as, body });
const read = (as: string, id: string, query?: Record<string, string>) => callRoute(templateRoute.GET, "GET", { as, params: { id }, query });

describe("POST /api/v1/scripts/templates", () => {
  it("creates a template at version 1 with a version row, parameters filled in", async () => {
    const category = await createCategoryFor(a.accountId, "Printing");
    const response = await create(a.engineer.id, { ...spooler, category_id: category.id });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      name: spooler.name,
      description: spooler.description,
      language: "powershell",
      body: spooler.body,
      category: { id: category.id, name: "Printing" },
      version: 1,
      provenance: null,
      archived_at: null,
      versions: [{ version: 1, created_by: { id: a.engineer.id, name: a.engineer.name } }],
    });
    expect(body.parameters).toEqual([
      { name: "server", label: "Print server", type: "text", required: true, default: null, sensitive: false, description: "The host holding the queue." },
    ]);
    const rows = await db.scriptTemplateVersion.findMany({ where: { templateId: body.id } });
    expect(rows).toMatchObject([{ version: 1, body: spooler.body, name: spooler.name, accountId: a.accountId, createdById: a.engineer.id }]);
    const stored = await db.scriptTemplate.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({ accountId: a.accountId, createdById: a.engineer.id, categoryId: category.id });
  });

  it("makes a secret parameter sensitive and drops its default", async () => {
    const response = await create(a.admin.id, {
      ...spooler,
      body: "net user {{user}} {{password}}",
      parameters: [{ name: "user", type: "text" }, { name: "password", type: "secret", default: "hunter2" }],
    });
    expect(response.status).toBe(201);
    expect((await response.json()).parameters[1]).toMatchObject({ name: "password", type: "secret", sensitive: true, default: null });
  });

  it("is 422 naming a parameter the body uses but does not declare, and writes nothing", async () => {
    const before = await db.scriptTemplate.count({ where: { accountId: a.accountId } });
    const response = await create(a.engineer.id, { ...spooler, body: "Restart-Service Spooler -ComputerName {{server}} -Credential {{admin_user}}" });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("{{admin_user}}");
    expect(await db.scriptTemplate.count({ where: { accountId: a.accountId } })).toBe(before);
  });

  it("is 422 for a parameter where no quoting keeps its value literal (a bash here-document)", async () => {
    const response = await create(a.engineer.id, {
      ...spooler,
      language: "bash",
      body: "cat <<EOF > /etc/motd\nWelcome {{server}}\nEOF",
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/^\{\{server\}\} sits inside a here-document/);
    expect((await create(a.engineer.id, { ...spooler, language: "bash", body: "systemctl restart cups --host {{server}}" })).status).toBe(201);
  });

  it("is 422 for a bad field: no name, an unknown language, an unknown parameter type", async () => {
    for (const body of [
      { ...spooler, name: "  " },
      { ...spooler, language: "perl" },
      { ...spooler, parameters: [{ name: "server", type: "password" }] },
      { ...spooler, body: "   " },
    ]) {
      const response = await create(a.engineer.id, body);
      expect(response.status).toBe(422);
    }
  });

  it("is 400 Unknown category for a made-up category and for another tenant's", async () => {
    const theirs = await createCategoryFor(b.accountId);
    for (const categoryId of ["00000000-0000-4000-8000-000000000000", theirs.id]) {
      const response = await create(a.engineer.id, { ...spooler, category_id: categoryId });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/^Unknown category/);
    }
  });

  it("refuses viewers (403) and writes nothing", async () => {
    const response = await create(a.viewer.id, { ...spooler, name: "Viewer's template" });
    expect(response.status).toBe(403);
    expect(await db.scriptTemplate.count({ where: { name: "Viewer's template" } })).toBe(0);
  });
});

describe("GET /api/v1/scripts/templates/[id]", () => {
  it("reads a template for every member, viewers included", async () => {
    const { id } = await createTemplateFor(a.engineer);
    for (const user of [a.viewer, a.engineer, a.owner]) {
      const response = await read(user.id, id);
      expect(response.status).toBe(200);
      expect((await response.json()).id).toBe(id);
    }
  });

  it("is 404 for another tenant's template, and for a made-up id", async () => {
    const { id } = await createTemplateFor(a.engineer);
    expect((await read(b.owner.id, id)).status).toBe(404);
    expect((await read(a.engineer.id, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await read(a.engineer.id, "not-a-uuid")).status).toBe(422);
  });

  it("shows provenance: the ticket and who resolved the session (the handler after a pickup)", async () => {
    const session = await createSessionFor(a.engineer, { status: "resolved" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketRef: "CW #48210" } });
    const { id } = await createTemplateFor(a.engineer, { source: { sessionId: session.id, userId: a.engineer.id, ticketRef: null } });
    expect((await (await read(a.viewer.id, id)).json()).provenance).toEqual({
      session_id: session.id,
      ticket_ref: "CW #48210",
      resolved_by: { id: a.engineer.id, name: a.engineer.name },
    });
    await db.aiSession.update({ where: { id: session.id }, data: { handlerId: a.admin.id } });
    expect((await (await read(a.viewer.id, id)).json()).provenance.resolved_by).toEqual({ id: a.admin.id, name: a.admin.name });
  });
});
