import { beforeAll, describe, expect, it } from "vitest";
import * as inlineRoute from "@/app/api/v1/ai-sessions/[id]/script-builder/route";
import { db } from "@/lib/db";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { listBuilderSessions } from "@/lib/script-builder/builder-sessions";
import { callRoute } from "@/tests/helpers/call-route";
import { suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Inline MSP");
  b = await createTenant("Elsewhere MSP");
});

const open = (sessionId: string, as: string) => callRoute(inlineRoute.POST, "POST", { as, params: { id: sessionId } });

describe("the inline builder of a pilot session", () => {
  it("is get-or-create: 10 parallel first calls give one row, and every call returns it", async () => {
    const pilot = await createSessionFor(a.engineer, { title: "VPN drops at login" });
    // Straight to the service, so the ten calls race into the insert (the losers hit the unique index).
    const builders = await Promise.all(Array.from({ length: 10 }, () => getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id)));
    expect(new Set(builders.map((builder) => builder.id)).size).toBe(1);
    expect(builders[0]).toMatchObject({ origin: "pilot_inline", ai_session_id: pilot.id, title: "Script for: VPN drops at login", language: "powershell" });
    expect(await db.scriptBuilderSession.count({ where: { aiSessionId: pilot.id } })).toBe(1);

    // And through the route, ten at once on a fresh session.
    const other = await createSessionFor(a.engineer);
    const responses = await Promise.all(Array.from({ length: 10 }, () => open(other.id, a.engineer.id)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { id: string }[];
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(await db.scriptBuilderSession.count({ where: { aiSessionId: other.id } })).toBe(1);

    expect((await getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id)).id).toBe(builders[0]!.id);
    expect((await listBuilderSessions(viewerOf(a.engineer))).items).toEqual([]);
  });

  it("takes the language of the active fix's script", async () => {
    const pilot = await createSessionFor(a.engineer);
    await suggestFix(a.engineer, pilot.id, { aiDraftedScript: "#!/usr/bin/env bash\nsystemctl restart cups" });
    expect((await getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id)).language).toBe("bash");
  });

  it("needs the engineer working the session: teammates 404 (active) or 403 (escalated), viewers 403, other tenants 404", async () => {
    const active = await createSessionFor(a.engineer);
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    expect((await open(active.id, a.admin.id)).status).toBe(404);
    expect((await open(escalated.id, a.admin.id)).status).toBe(403);
    expect((await open(active.id, a.viewer.id)).status).toBe(403);
    expect((await open(active.id, b.owner.id)).status).toBe(404);
    expect(await db.scriptBuilderSession.count({ where: { aiSessionId: { in: [active.id, escalated.id] } } })).toBe(0);
  });

  it("is one per user: the senior who picks the session up gets their own", async () => {
    const pilot = await createSessionFor(a.engineer, { status: "escalated" });
    const mine = await getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id);
    await db.aiSession.update({ where: { id: pilot.id }, data: { handlerId: a.admin.id, status: "active" } });
    const theirs = await getOrCreateInlineBuilder(viewerOf(a.admin), pilot.id);
    expect(theirs.id).not.toBe(mine.id);
    expect(await db.scriptBuilderSession.count({ where: { aiSessionId: pilot.id } })).toBe(2);
  });
});
