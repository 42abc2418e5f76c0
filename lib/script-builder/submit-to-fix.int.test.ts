import { beforeAll, describe, expect, it } from "vitest";
import * as submitRoute from "@/app/api/v1/script-builder/sessions/[id]/submit/route";
import { db } from "@/lib/db";
import { createBuilderSession } from "@/lib/script-builder/builder-sessions";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { callRoute } from "@/tests/helpers/call-route";
import { storedFix, suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Submit MSP");
  b = await createTenant("Submit other");
});

const SCRIPT = "param([string]$PrinterName)\nRestart-Service -Name Spooler\nGet-Printer -Name $PrinterName";
const REPLY = ["Here it is.", "```powershell", SCRIPT, "```", "```parameters", '{"PrinterName": "Floor2-Laser"}', "```"].join("\n");

/** A pilot session with an active fix and the engineer's inline builder holding a script (as a streamed reply would leave it). */
async function builderWithScript(script: string | null = SCRIPT) {
  const pilot = await createSessionFor(a.engineer, { title: "Printer offline" });
  const fix = await suggestFix(a.engineer, pilot.id, { aiDraftedScript: null });
  const builder = await getOrCreateInlineBuilder(viewerOf(a.engineer), pilot.id);
  if (script) {
    await db.scriptBuilderMessage.createMany({
      data: [
        { accountId: a.accountId, builderSessionId: builder.id, role: "user", content: "Restart the spooler and check the printer", createdAt: new Date(Date.now() - 1000) },
        { accountId: a.accountId, builderSessionId: builder.id, role: "assistant", content: REPLY },
      ],
    });
    await db.scriptBuilderSession.update({ where: { id: builder.id }, data: { currentScript: script } });
  }
  return { pilot, fix, builder };
}

const submit = (id: string, fixId: string, as = a.engineer.id) => callRoute(submitRoute.POST, "POST", { as, params: { id }, body: { fix_id: fixId } });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("Submit to fix", () => {
  it("saves the current script and its parameters on the fix as its draft (D6), bumping state_version", async () => {
    const { pilot, fix, builder } = await builderWithScript();
    const before = await db.aiSession.findUniqueOrThrow({ where: { id: pilot.id } });
    const response = await submit(builder.id, fix.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: fix.id, ai_drafted_script: SCRIPT, ai_drafted_parameters: { PrinterName: "Floor2-Laser" }, status: "proposed", applied_at: null });
    const stored = await storedFix(fix.id);
    expect(stored.aiDraftedScript).toBe(SCRIPT);
    expect(stored.aiDraftedParameters).toEqual({ PrinterName: "Floor2-Laser" });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: pilot.id } })).stateVersion).toBe(before.stateVersion + 1);
  });

  it("keeps D6's rules: 409 for a terminal fix, 404 for another session's fix, 422 for an empty script", async () => {
    const terminal = await builderWithScript();
    await db.sessionSuggestedFix.update({ where: { id: terminal.fix.id }, data: { status: "applied_success" } });
    const refused = await submit(terminal.builder.id, terminal.fix.id);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toContain("already recorded (worked)");

    const elsewhere = await createSessionFor(a.engineer);
    const otherFix = await suggestFix(a.engineer, elsewhere.id);
    const wrongSession = await submit(terminal.builder.id, otherFix.id);
    expect(wrongSession.status).toBe(404);
    expect((await errorOf(wrongSession)).message).toBe("Suggested fix not found.");

    const empty = await builderWithScript(null);
    const nothing = await submit(empty.builder.id, empty.fix.id);
    expect(nothing.status).toBe(422);
    expect((await errorOf(nothing)).message).toContain("The script is empty");
    expect((await storedFix(empty.fix.id)).aiDraftedScript).toBeNull();
    expect((await storedFix(otherFix.id)).aiDraftedScript).not.toBe(SCRIPT);
  });

  it("refuses a superseded fix and a builder with no pilot session (409)", async () => {
    const { pilot, fix, builder } = await builderWithScript();
    await suggestFix(a.engineer, pilot.id, { title: "A newer idea" });
    expect((await submit(builder.id, fix.id)).status).toBe(409);

    const standalone = await createBuilderSession(viewerOf(a.engineer), { title: "Loose", language: "powershell" });
    await db.scriptBuilderSession.update({ where: { id: standalone.id }, data: { currentScript: SCRIPT } });
    const loose = await submit(standalone.id, fix.id);
    expect(loose.status).toBe(409);
    expect((await errorOf(loose)).message).toContain("isn't tied to a pilot session");
  });

  it("is the builder owner's alone: teammates and other tenants 404, viewers 403", async () => {
    const { fix, builder } = await builderWithScript();
    expect((await submit(builder.id, fix.id, a.admin.id)).status).toBe(404);
    expect((await submit(builder.id, fix.id, b.owner.id)).status).toBe(404);
    expect((await submit(builder.id, fix.id, a.viewer.id)).status).toBe(403);
    expect((await storedFix(fix.id)).aiDraftedScript).toBeNull();
  });

  it("stops once the engineer no longer works the session (a senior picked it up): 403", async () => {
    const { pilot, fix, builder } = await builderWithScript();
    await db.aiSession.update({ where: { id: pilot.id }, data: { handlerId: a.admin.id } });
    expect((await submit(builder.id, fix.id)).status).toBe(403);
  });
});
