import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPilotView } from "@/lib/sessions/pilot-view";
import { createTemplateFor } from "@/tests/helpers/script-templates";
import { suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

/** D2: the pilot page gets the template a template-matched fix points at, so it can open the generator (or say why not). */
let a: TestTenant;
beforeAll(async () => {
  a = await createTenant("Pilot fix template");
});

describe("getPilotView's fixTemplate", () => {
  it("is the matched template, by the active fix's id", async () => {
    const template = await createTemplateFor(a.engineer);
    const session = await createSessionFor(a.engineer);
    const fix = await suggestFix(a.engineer, session.id, { templateId: template.id, aiDraftedScript: null, aiDraftedParameters: { computer: "PRN-01" } });

    const view = await getPilotView(viewerOf(a.engineer), session.id);
    expect(view.fix).toMatchObject({ id: fix.id, template_id: template.id, ai_drafted_parameters: { computer: "PRN-01" } });
    expect(view.fixTemplate).toMatchObject({
      fixId: fix.id,
      template: { id: template.id, archived_at: null, parameters: [{ name: "computer" }, { name: "admin_password", sensitive: true }] },
    });
  });

  it("keeps an archived template, marked archived, for the page's fallback message", async () => {
    const template = await createTemplateFor(a.engineer);
    const session = await createSessionFor(a.engineer);
    await suggestFix(a.engineer, session.id, { templateId: template.id });
    await db.scriptTemplate.update({ where: { id: template.id }, data: { archivedAt: new Date() } });

    const view = await getPilotView(viewerOf(a.engineer), session.id);
    expect(view.fixTemplate?.template?.archived_at).toBeInstanceOf(Date);
  });

  it("is null for a fix without a template, and for a session without a fix", async () => {
    const session = await createSessionFor(a.engineer);
    expect((await getPilotView(viewerOf(a.engineer), session.id)).fixTemplate).toBeNull();
    await suggestFix(a.engineer, session.id);
    expect((await getPilotView(viewerOf(a.engineer), session.id)).fixTemplate).toBeNull();
  });
});
