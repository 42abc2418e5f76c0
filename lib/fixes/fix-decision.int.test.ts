import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as decisionRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/[fid]/decision/route";
import { DEFAULT_CAPABLE_MODEL } from "@/lib/ai/ai-config";
import { db } from "@/lib/db";
import { guessLanguage } from "@/lib/fixes/fix-decision";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { SAMPLE_SCRIPT, storedFix, suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

const fake = installFakeModel();
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Decision A");
  b = await createTenant("Decision B");
});
beforeEach(() => fake().reset());

async function sessionWithFix(options: { status?: "active" | "escalated"; script?: string | null; templateId?: string } = {}) {
  const session = await createSessionFor(a.engineer, { status: options.status ?? "active" });
  const fix = await suggestFix(a.engineer, session.id, {
    aiDraftedScript: options.script === undefined ? SAMPLE_SCRIPT : options.script,
    templateId: options.templateId ?? null,
  });
  return { id: session.id, fid: fix.id };
}

const decide = (as: string, params: { id: string; fid: string }, body: unknown) =>
  callRoute(decisionRoute.POST, "POST", { as, params, body });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("POST …/suggested-fixes/[fid]/decision", () => {
  it("one_off returns the AI-drafted script, records the decision and bumps state_version", async () => {
    const params = await sessionWithFix();
    const before = await stateVersionOf(params.id);
    const response = await decide(a.engineer.id, params, { decision: "one_off" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ decision: "one_off", rendered_script: SAMPLE_SCRIPT, draft_template_id: null, redirect_path: null });
    expect(body.fix).toMatchObject({ id: params.fid, user_decision: "one_off", status: "proposed", superseded_at: null });
    const stored = await storedFix(params.fid);
    expect(stored).toMatchObject({ userDecision: "one_off", decidedById: a.engineer.id, editedScript: null });
    expect(await stateVersionOf(params.id)).toBe(before + 1);
    expect(fake().requests).toHaveLength(0);
  });

  it("one_off prefers the engineer's edited script and stores it", async () => {
    const params = await sessionWithFix();
    const edited = "Restart-Service -Name Spooler\n";
    const response = await decide(a.engineer.id, params, { decision: "one_off", edited_script: edited });
    expect((await response.json()).rendered_script).toBe(edited);
    expect((await storedFix(params.fid)).editedScript).toBe(edited);
  });

  it("one_off on a template-matched fix without a script returns no script instead of failing", async () => {
    const template = await db.scriptTemplate.create({ data: { accountId: a.accountId, name: "Spooler", language: "powershell", body: "x" } });
    const params = await sessionWithFix({ script: null, templateId: template.id });
    const response = await decide(a.engineer.id, params, { decision: "one_off" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rendered_script: null, fix: { template_id: template.id } });
  });

  it.each(["one_off", "draft_template"])("is 400 for %s on a fix with no template and no script, without a bump", async (decision) => {
    const params = await sessionWithFix({ script: null });
    const before = await stateVersionOf(params.id);
    const response = await decide(a.engineer.id, params, { decision, edited_script: "   " });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("bad_request");
    expect((await storedFix(params.fid)).userDecision).toBeNull();
    expect(await stateVersionOf(params.id)).toBe(before);
    expect(await db.draftTemplate.count({ where: { fixId: params.fid } })).toBe(0);
  });

  it("draft_template queues a draft with the capable model's parameters and returns its id", async () => {
    const params = await sessionWithFix({ script: "Restart-Service -Name Spooler -ComputerName PRN-SRV-07" });
    fake().enqueue({
      text: JSON.stringify({
        templated_body: "Restart-Service -Name Spooler -ComputerName {{computer_name}}",
        parameters: [{ name: "computer_name", label: "Print server", type: "text", required: true, default: "PRN-SRV-07", sensitive: false }],
      }),
    });
    const before = await stateVersionOf(params.id);
    const response = await decide(a.engineer.id, params, { decision: "draft_template" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ decision: "draft_template", rendered_script: "Restart-Service -Name Spooler -ComputerName PRN-SRV-07" });
    const draft = await db.draftTemplate.findUniqueOrThrow({ where: { id: body.draft_template_id } });
    expect(draft).toMatchObject({
      accountId: a.accountId,
      sessionId: params.id,
      fixId: params.fid,
      userId: a.engineer.id,
      name: "Restart the print spooler",
      language: "powershell",
      status: "pending",
      originalScript: "Restart-Service -Name Spooler -ComputerName PRN-SRV-07",
      templatedBody: "Restart-Service -Name Spooler -ComputerName {{computer_name}}",
    });
    expect(draft.proposedParameters).toEqual([
      { name: "computer_name", label: "Print server", type: "text", required: true, default: "PRN-SRV-07", sensitive: false, description: null },
    ]);
    expect(fake().requests[0]!.body.model).toBe(process.env.ANTHROPIC_MODEL_CAPABLE ?? DEFAULT_CAPABLE_MODEL);
    expect(await stateVersionOf(params.id)).toBe(before + 1);
  });

  it("draft_template still queues a draft (the script, no parameters) when no model is configured", async () => {
    const params = await sessionWithFix();
    const response = await withoutModel(() => decide(a.engineer.id, params, { decision: "draft_template", language: "powershell" }));
    expect(response.status).toBe(200);
    const draft = await db.draftTemplate.findUniqueOrThrow({ where: { id: (await response.json()).draft_template_id } });
    expect(draft).toMatchObject({ templatedBody: SAMPLE_SCRIPT, originalScript: SAMPLE_SCRIPT, proposedParameters: [] });
  });

  it("draft_template guesses the language from a shebang when none is sent", async () => {
    const params = await sessionWithFix({ script: "#!/bin/bash\nsystemctl restart cups" });
    fake().enqueue({ status: 400, message: "refused" });
    const response = await decide(a.engineer.id, params, { decision: "draft_template" });
    const draft = await db.draftTemplate.findUniqueOrThrow({ where: { id: (await response.json()).draft_template_id } });
    expect(draft).toMatchObject({ language: "bash", templatedBody: "#!/bin/bash\nsystemctl restart cups", proposedParameters: [] });
  });

  it("build_template returns the script builder path pre-loaded with the session and fix", async () => {
    const params = await sessionWithFix({ script: null });
    const response = await decide(a.engineer.id, params, { decision: "build_template" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      decision: "build_template",
      rendered_script: null,
      redirect_path: `/scripts/builder?from_session=${params.id}&fix=${params.fid}`,
    });
    expect((await storedFix(params.fid)).userDecision).toBe("build_template");
  });

  it("dismissed supersedes the fix; dismissing it again is 409 without a bump", async () => {
    const params = await sessionWithFix();
    const response = await decide(a.engineer.id, params, { decision: "dismissed" });
    expect(response.status).toBe(200);
    const stored = await storedFix(params.fid);
    expect(stored).toMatchObject({ userDecision: "dismissed", status: "dismissed" });
    expect(stored.supersededAt).toBeInstanceOf(Date);
    const before = await stateVersionOf(params.id);
    const again = await decide(a.engineer.id, params, { decision: "dismissed" });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/superseded fix/);
    expect(await stateVersionOf(params.id)).toBe(before);
  });

  it("is 409 for any decision on a fix a newer suggestion superseded", async () => {
    const params = await sessionWithFix();
    await suggestFix(a.engineer, params.id, { title: "Newer" });
    for (const decision of ["dismissed", "one_off", "draft_template", "build_template"]) {
      expect((await decide(a.engineer.id, params, { decision })).status).toBe(409);
    }
    expect((await storedFix(params.fid)).userDecision).toBeNull();
    expect(fake().requests).toHaveLength(0);
  });

  it("is 422 for an unknown decision", async () => {
    const params = await sessionWithFix();
    expect((await decide(a.engineer.id, params, { decision: "maybe" })).status).toBe(422);
  });

  it("is 404 for a fix of another session, across tenants, and for a teammate on an active session", async () => {
    const params = await sessionWithFix();
    const other = await sessionWithFix();
    expect((await decide(a.engineer.id, { id: params.id, fid: other.fid }, { decision: "one_off" })).status).toBe(404);
    expect((await decide(b.owner.id, params, { decision: "one_off" })).status).toBe(404);
    expect((await decide(a.admin.id, params, { decision: "one_off" })).status).toBe(404);
    expect((await storedFix(other.fid)).userDecision).toBeNull();
  });

  it("is 403 for a viewer and for a teammate on an escalated session", async () => {
    const params = await sessionWithFix({ status: "escalated" });
    expect((await decide(a.viewer.id, params, { decision: "dismissed" })).status).toBe(403);
    expect((await decide(a.owner.id, params, { decision: "dismissed" })).status).toBe(403);
    expect((await storedFix(params.fid)).supersededAt).toBeNull();
    expect(await stateVersionOf(params.id)).toBe(1);
  });
});

describe("guessLanguage", () => {
  it.each([
    ["Get-Service", "powershell"],
    ["#!/usr/bin/env python3\nprint(1)", "python"],
    ["#!/bin/sh\necho", "bash"],
    ["@echo off\nnet stop spooler", "cmd"],
  ])("%j → %s", (script, language) => {
    expect(guessLanguage(script)).toBe(language);
  });
});
