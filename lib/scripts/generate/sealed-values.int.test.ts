import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { buildDocumentBundle, loadSensitiveValues } from "@/lib/documents/bundle";
import { generateScript } from "@/lib/scripts/generate/generate-script";
import { scrubFormsOf } from "@/lib/scripts/generate/sealed-values";
import { addFacts, addStep } from "@/tests/helpers/documents";
import { createTemplateFor } from "@/tests/helpers/script-templates";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

/*
 * E5 from the sealed values: a stored run keeps only the redacted script and parameters, so what
 * documents scrub comes from `sensitiveValuesSealed` — the value as typed and as each language
 * quotes it — and it is caught inside longer strings.
 */

const SECRET = "it's-Pa55-Unique-7f3a";

let a: TestTenant;
beforeAll(async () => {
  a = await createTenant("Sealed MSP");
});
beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function sessionWithRun() {
  const session = await createSessionFor(a.engineer);
  const template = await createTemplateFor(a.engineer);
  await generateScript(viewerOf(a.engineer), { template_id: template.id, parameters: { computer: "PRN-01", admin_password: SECRET }, ai_session_id: session.id });
  return session;
}

describe("loadSensitiveValues with sealed values", () => {
  it("opens the run's sealed values, in every quoted form, though the stored row holds none", async () => {
    const session = await sessionWithRun();
    const row = await db.scriptGeneration.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(JSON.stringify({ parameters: row.parameters, script: row.renderedScript })).not.toContain("Pa55");
    expect((await loadSensitiveValues(session.id)).sort()).toEqual(scrubFormsOf(SECRET).sort());
    expect(scrubFormsOf(SECRET)).toEqual(expect.arrayContaining([SECRET, "it''s-Pa55-Unique-7f3a", "it'\\''s-Pa55-Unique-7f3a", "it\\'s-Pa55-Unique-7f3a"]));
  });

  it("scrubs the value inside longer strings, and as a pasted PowerShell literal, from the document bundle", async () => {
    const session = await sessionWithRun();
    await addFacts(a.engineer, session.id, [`Admin password reset to prefix-${SECRET}-suffix`]);
    await addStep(a.engineer, session.id, "engineer_message", "Ran: Set-Password -Value 'it''s-Pa55-Unique-7f3a' and it worked");

    const { bundle, redact } = await buildDocumentBundle(session.id);
    const serialized = JSON.stringify(bundle);
    expect(serialized).not.toContain("Pa55-Unique-7f3a");
    expect(bundle.facts[0]!.text).toBe("Admin password reset to prefix-[REDACTED]-suffix");
    expect(bundle.engineer_steps.find((step) => step.kind === "engineer_message")!.text).toBe("Ran: Set-Password -Value '[REDACTED]' and it worked");
    expect(bundle.script_runs).toEqual([expect.objectContaining({ language: "powershell", parameters: { computer: "PRN-01", admin_password: "[REDACTED]" } })]);
    expect(redact(`model said x${SECRET}y`)).toBe("model said x[REDACTED]y");
  });

  it("skips a sealed value it can't open, logging only the run id, and keeps documents working", async () => {
    const session = await sessionWithRun();
    const row = await db.scriptGeneration.findFirstOrThrow({ where: { sessionId: session.id } });
    await db.scriptGeneration.update({ where: { id: row.id }, data: { sensitiveValuesSealed: "v1.not.a.real-box" } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    expect(await loadSensitiveValues(session.id)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(JSON.stringify({ event: "scripts.sealed_values_unreadable", generation_id: row.id }));
    await expect(buildDocumentBundle(session.id)).resolves.toMatchObject({ bundle: { script_runs: [expect.anything()] } });
  });
});
