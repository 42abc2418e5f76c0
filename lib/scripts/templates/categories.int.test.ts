import { beforeAll, describe, expect, it } from "vitest";
import * as categoriesRoute from "@/app/api/v1/scripts/categories/route";
import * as templateRoute from "@/app/api/v1/scripts/templates/[id]/route";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createTemplateFor } from "@/tests/helpers/script-templates";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Categories A");
  b = await createTenant("Categories B");
});

const create = (as: string, body: unknown) => callRoute(categoriesRoute.POST, "POST", { as, body });
const list = async (as: string) => ((await (await callRoute(categoriesRoute.GET, "GET", { as })).json()) as { items: { id: string; name: string; template_count: number }[] }).items;

describe("/api/v1/scripts/categories", () => {
  it("creates a category and lists the account's by name with live template counts", async () => {
    const response = await create(a.engineer.id, { name: "  Printing ", description: "Queues and spoolers." });
    expect(response.status).toBe(201);
    const printing = await response.json();
    expect(printing).toMatchObject({ name: "Printing", description: "Queues and spoolers.", template_count: 0 });
    const email = await (await create(a.admin.id, { name: "Email & Office" })).json();
    await createTemplateFor(a.engineer, { categoryId: printing.id });
    const archived = await createTemplateFor(a.engineer, { categoryId: printing.id });
    await callRoute(templateRoute.DELETE, "DELETE", { as: a.engineer.id, params: { id: archived.id } });

    expect(await list(a.viewer.id)).toMatchObject([
      { id: email.id, name: "Email & Office", template_count: 0 },
      { id: printing.id, name: "Printing", template_count: 1 },
    ]);
    expect(await list(b.owner.id)).toEqual([]);
  });

  it("is 409 for a name the account already has, whatever its case; another tenant may use it", async () => {
    expect((await create(a.engineer.id, { name: "Networking" })).status).toBe(201);
    for (const name of ["Networking", "networking"]) {
      const response = await create(a.owner.id, { name });
      expect(response.status).toBe(409);
      expect((await response.json()).error.message).toContain('"Networking" already exists');
    }
    expect((await create(b.owner.id, { name: "Networking" })).status).toBe(201);
    expect(await db.scriptCategory.count({ where: { accountId: a.accountId, name: "Networking" } })).toBe(1);
  });

  it("is 403 for a viewer and 422 without a name", async () => {
    expect((await create(a.viewer.id, { name: "Viewer's" })).status).toBe(403);
    expect((await create(a.engineer.id, { name: " " })).status).toBe(422);
  });
});
