import { beforeAll, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/script-builder/sessions/route";
import * as sessionRoute from "@/app/api/v1/script-builder/sessions/[id]/route";
import { db } from "@/lib/db";
import { BUILDER_SESSION_CAP, createBuilderSession, getBuilderSession, listBuilderSessions } from "@/lib/script-builder/builder-sessions";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { callRoute } from "@/tests/helpers/call-route";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Builder MSP");
  b = await createTenant("Other MSP");
});

const create = (as: string, body: object) => callRoute(sessionsRoute.POST, "POST", { as, body });

describe("standalone builder sessions", () => {
  it("creates, lists and reads the viewer's own sessions", async () => {
    const response = await create(a.admin.id, { title: "  Rotate local admin password  ", language: "python" });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; title: string; language: string; origin: string; current_script: null };
    expect(created).toMatchObject({ title: "Rotate local admin password", language: "python", origin: "standalone", current_script: null });

    const untitled = await createBuilderSession(viewerOf(a.admin), { language: "bash" });
    expect(untitled.title).toBe("New Bash script");

    const list = (await (await callRoute(sessionsRoute.GET, "GET", { as: a.admin.id })).json()) as {
      items: { id: string }[];
      next_page: null;
      cap: { max: number; used: number };
    };
    expect(list.items.map((item) => item.id)).toEqual([untitled.id, created.id]);
    expect(list).toMatchObject({ next_page: null, cap: { max: BUILDER_SESSION_CAP, used: 2 } });

    const detail = await callRoute(sessionRoute.GET, "GET", { as: a.admin.id, params: { id: created.id } });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: created.id, messages: [], current_parameters: null });
  });

  it("defaults to PowerShell and refuses an unknown language with 422", async () => {
    const response = await create(a.owner.id, {});
    expect(((await response.json()) as { language: string }).language).toBe("powershell");
    const refused = await create(a.owner.id, { language: "cobol" });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("PowerShell, Bash or Python");
  });

  it("caps standalone sessions at 5 per user; inline builders neither count nor list", async () => {
    const engineer = viewerOf(a.engineer);
    // Inline builders first: were they counted, the cap would bite early.
    for (let index = 0; index < 3; index += 1) {
      const pilot = await createSessionFor(a.engineer, { title: `Pilot ${index}` });
      await getOrCreateInlineBuilder(engineer, pilot.id);
    }
    // Parallel creates: the user's row lock keeps them from sharing the last slot.
    const results = await Promise.all(Array.from({ length: 7 }, (_, index) => create(a.engineer.id, { title: `Script ${index}` })));
    const statuses = results.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409, 409]);
    const refusal = (await results.find((response) => response.status === 409)!.json()) as { error: { code: string; message: string } };
    expect(refusal.error).toEqual({
      code: "conflict",
      message: "You have 5 builder sessions, the most you can keep at once. Delete one you no longer need to start another.",
    });

    const list = await listBuilderSessions(engineer);
    expect(list.items).toHaveLength(5);
    expect(list.items.every((item) => item.origin === "standalone")).toBe(true);
    expect(list.cap).toEqual({ max: 5, used: 5 });
    expect(await db.scriptBuilderSession.count({ where: { userId: a.engineer.id } })).toBe(8);

    // Deleting one frees its slot.
    const deleted = await callRoute(sessionRoute.DELETE, "DELETE", { as: a.engineer.id, params: { id: list.items[0]!.id } });
    expect(deleted.status).toBe(200);
    expect((await create(a.engineer.id, { title: "Sixth, after a delete" })).status).toBe(201);
    expect((await create(a.engineer.id, { title: "Seventh" })).status).toBe(409);
  });

  it("shows a session to its owner only: teammates and other tenants get 404", async () => {
    const mine = await createBuilderSession(viewerOf(a.owner), { title: "Owner's script", language: "bash" });
    for (const as of [a.admin.id, b.owner.id]) {
      const response = await callRoute(sessionRoute.GET, "GET", { as, params: { id: mine.id } });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Builder session not found.");
      expect((await callRoute(sessionRoute.DELETE, "DELETE", { as, params: { id: mine.id } })).status).toBe(404);
    }
    await expect(getBuilderSession(viewerOf(b.owner), mine.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listBuilderSessions(viewerOf(b.owner))).items).toEqual([]);
    expect(await db.scriptBuilderSession.count({ where: { id: mine.id } })).toBe(1);
  });

  it("refuses viewers (they read scripts, they don't build them) and signed-out callers", async () => {
    for (const [call, method] of [
      [sessionsRoute.GET, "GET"],
      [sessionsRoute.POST, "POST"],
    ] as const) {
      expect((await callRoute(call, method, { as: a.viewer.id, body: method === "POST" ? { language: "bash" } : undefined })).status).toBe(403);
      expect((await callRoute(call, method)).status).toBe(401);
    }
    expect(await db.scriptBuilderSession.count({ where: { userId: a.viewer.id } })).toBe(0);
  });
});
