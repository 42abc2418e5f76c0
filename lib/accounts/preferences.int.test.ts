import { beforeAll, describe, expect, it } from "vitest";
import * as preferencesRoute from "@/app/api/v1/accounts/me/preferences/route";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("PATCH /api/v1/accounts/me/preferences", () => {
  it("merges keys and keeps the ones not sent", async () => {
    await callRoute(preferencesRoute.PATCH, "PATCH", { as: tenant.owner.id, body: { cw_resolved_status_id: 71 } });
    const response = await callRoute(preferencesRoute.PATCH, "PATCH", {
      as: tenant.admin.id,
      body: { templatize_prompt_enabled: false },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.templatize_prompt_enabled).toBe(false);
    expect(body.cw_resolved_status_id).toBe(71);
  });
});
