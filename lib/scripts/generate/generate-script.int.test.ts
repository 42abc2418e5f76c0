import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as generateRoute } from "@/app/api/v1/scripts/generate/route";
import { GET as listRoute } from "@/app/api/v1/scripts/generations/route";
import { GET as detailRoute } from "@/app/api/v1/scripts/generations/[id]/route";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { GenerationResult, GenerationView } from "@/lib/scripts/generate/generation-view";
import { archiveScriptTemplate } from "@/lib/scripts/templates/archive-template";
import { updateScriptTemplate } from "@/lib/scripts/templates/update-template";
import { callRoute } from "@/tests/helpers/call-route";
import { createTemplateFor, SPOOLER_BODY } from "@/tests/helpers/script-templates";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const SECRET = "Adm1n-Pa55-q9";
const VALUES = { computer: "PRN-01", admin_password: SECRET };

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Generate MSP");
  b = await createTenant("Other generate MSP");
});
beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const generate = (body: object, as = a.engineer.id) => callRoute(generateRoute, "POST", { as, body });
const list = (query: Record<string, string>, as = a.engineer.id) => callRoute(listRoute, "GET", { as, query });
const detail = (id: string, as = a.engineer.id) => callRoute(detailRoute, "GET", { as, params: { id } });

describe("POST /scripts/generate", () => {
  it("renders, records the run redacted with the values sealed, and returns the real script once", async () => {
    const template = await createTemplateFor(a.engineer, { name: "Restart the print spooler" });
    const response = await generate({ template_id: template.id, parameters: VALUES });
    expect(response.status).toBe(201);
    const result = (await response.json()) as GenerationResult;
    expect(result.script).toBe(`Restart-Service -Name Spooler -ComputerName 'PRN-01' -Force\n# run as '${SECRET}'`);
    expect(result.file_name).toBe("restart-the-print-spooler.ps1");
    expect(result.generation).toMatchObject({
      template_id: template.id,
      template_version: 1,
      template_name: "Restart the print spooler",
      language: "powershell",
      rendered_script: "Restart-Service -Name Spooler -ComputerName 'PRN-01' -Force\n# run as [REDACTED]",
      parameters: { computer: "PRN-01", admin_password: "••••" },
      ai_session_id: null,
      created_by: { id: a.engineer.id, name: a.engineer.name },
    });

    const row = await db.scriptGeneration.findUniqueOrThrow({ where: { id: result.generation.id }, omit: { sensitiveValuesSealed: false } });
    expect(row).toMatchObject({ accountId: a.accountId, userId: a.engineer.id, sessionId: null, templateVersion: 1, language: "powershell" });
    expect(row.parameters).toEqual({ computer: "PRN-01", admin_password: "[REDACTED]" });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.parse(openSecret(row.sensitiveValuesSealed!))).toEqual({ admin_password: SECRET });
  });

  it("stores no sealed values for a run without sensitive ones", async () => {
    const template = await createTemplateFor(a.engineer, { body: "Get-Service -ComputerName {{computer}}", parameters: [{ name: "computer", label: "PC", type: "text", required: true, default: null, sensitive: false, description: null }] });
    const result = (await (await generate({ template_id: template.id, parameters: { computer: "PC-7" } })).json()) as GenerationResult;
    expect((await db.scriptGeneration.findUniqueOrThrow({ where: { id: result.generation.id }, select: { sensitiveValuesSealed: true } })).sensitiveValuesSealed).toBeNull();
  });

  it("launched from a session: links the run, bumps state_version and adds a step, in one go", async () => {
    const template = await createTemplateFor(a.engineer, { name: "Restart the print spooler" });
    const session = await createSessionFor(a.engineer);
    const before = await stateVersionOf(session.id);

    const response = await generate({ template_id: template.id, parameters: VALUES, ai_session_id: session.id });
    expect(response.status).toBe(201);
    const { generation } = (await response.json()) as GenerationResult;
    expect(generation.ai_session_id).toBe(session.id);
    expect(await stateVersionOf(session.id)).toBe(before + 1);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps).toEqual([
      expect.objectContaining({
        kind: "engineer_action",
        userId: a.engineer.id,
        content: "Generated Restart the print spooler v1",
        metadata: { type: "script_generated", generation_id: generation.id, template_id: template.id, template_version: 1 },
      }),
    ]);
  });

  it("answers 422 naming the bad field, and writes nothing", async () => {
    const template = await createTemplateFor(a.engineer);
    const response = await generate({ template_id: template.id, parameters: { admin_password: SECRET } });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.message).toBe("Print server is required.");
    expect(error.issues).toEqual([{ path: "parameters.computer", message: "Print server is required." }]);
    expect(JSON.stringify(error)).not.toContain(SECRET);

    const unknown = await generate({ template_id: template.id, parameters: { ...VALUES, extra: "x" } });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.message).toBe('This template has no parameter named "extra".');
    expect(await db.scriptGeneration.count({ where: { templateId: template.id } })).toBe(0);
  });

  it("answers 422 for a stored template that puts a value where no quoting holds", async () => {
    // Saving refuses such a body now; a row written before that rule (or straight to the table) still renders safely or not at all.
    const template = await createTemplateFor(a.engineer, { language: "bash", body: "echo {{computer}}\n# {{admin_password}}" });
    await db.scriptTemplate.update({ where: { id: template.id }, data: { body: "cat <<EOF\n{{computer}}\nEOF\n# {{admin_password}}" } });
    const response = await generate({ template_id: template.id, parameters: VALUES });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/^This template puts \{\{computer\}\} inside a here-document/);
  });

  it("answers 409 for an archived template", async () => {
    const template = await createTemplateFor(a.engineer);
    await archiveScriptTemplate(viewerOf(a.engineer), template.id);
    const response = await generate({ template_id: template.id, parameters: VALUES });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/^This template is archived; /);
  });

  it("answers 404 for another tenant's template or session, 403 for a viewer, 409 for a resolved session", async () => {
    const template = await createTemplateFor(a.engineer);
    expect((await generate({ template_id: template.id, parameters: VALUES }, b.engineer.id)).status).toBe(404);
    const theirs = await createSessionFor(b.engineer);
    expect((await generate({ template_id: template.id, parameters: VALUES, ai_session_id: theirs.id })).status).toBe(404);
    expect((await generate({ template_id: template.id, parameters: VALUES }, a.viewer.id)).status).toBe(403);
    const resolved = await createSessionFor(a.engineer, { status: "resolved" });
    expect((await generate({ template_id: template.id, parameters: VALUES, ai_session_id: resolved.id })).status).toBe(409);
    expect(await db.scriptGeneration.count({ where: { templateId: template.id } })).toBe(0);
  });

  it("records the version it rendered: an edit afterwards changes neither the run nor its stored script", async () => {
    const template = await createTemplateFor(a.engineer);
    const first = (await (await generate({ template_id: template.id, parameters: VALUES })).json()) as GenerationResult;

    await updateScriptTemplate(viewerOf(a.engineer), template.id, { body: `${SPOOLER_BODY}\nWrite-Output "done on {{computer}}"` });
    const again = (await (await detail(first.generation.id)).json()) as GenerationView;
    expect(again.template_version).toBe(1);
    expect(again.rendered_script).toBe(first.generation.rendered_script);

    const second = (await (await generate({ template_id: template.id, parameters: VALUES })).json()) as GenerationResult;
    expect(second.generation.template_version).toBe(2);
    expect(second.script).toContain(`Write-Output "done on PRN-01"`);
  });
});

describe("GET /scripts/generations", () => {
  it("lists a template's and a session's runs newest first, sensitive values as ••••", async () => {
    const template = await createTemplateFor(a.engineer);
    const session = await createSessionFor(a.engineer);
    const older = (await (await generate({ template_id: template.id, parameters: VALUES })).json()) as GenerationResult;
    const newer = (await (await generate({ template_id: template.id, parameters: VALUES, ai_session_id: session.id })).json()) as GenerationResult;

    const byTemplate = await (await list({ template_id: template.id }, a.viewer.id)).json();
    expect(byTemplate.next_page).toBeNull();
    expect(byTemplate.items.map((item: GenerationView) => item.id)).toEqual([newer.generation.id, older.generation.id]);
    expect(byTemplate.items[0].parameters).toEqual({ computer: "PRN-01", admin_password: "••••" });
    const bySession = await (await list({ ai_session_id: session.id })).json();
    expect(bySession.items.map((item: GenerationView) => item.id)).toEqual([newer.generation.id]);
    expect(JSON.stringify([byTemplate, bySession])).not.toContain(SECRET);
    // An empty filter counts as none.
    expect((await list({ template_id: "", ai_session_id: "" })).status).toBe(200);
  });

  it("answers 404 for another tenant's template, session or run, and for a session the reader can't see", async () => {
    const template = await createTemplateFor(a.engineer);
    const run = (await (await generate({ template_id: template.id, parameters: VALUES })).json()) as GenerationResult;
    expect((await list({ template_id: template.id }, b.owner.id)).status).toBe(404);
    expect((await detail(run.generation.id, b.owner.id)).status).toBe(404);
    const mine = await createSessionFor(a.engineer);
    expect((await list({ ai_session_id: mine.id }, a.admin.id)).status).toBe(404);
    const theirs = await (await list({}, b.owner.id)).json();
    expect(theirs.items.some((item: GenerationView) => item.id === run.generation.id)).toBe(false);
    expect((await detail(run.generation.id, a.viewer.id)).status).toBe(200);
  });
});
