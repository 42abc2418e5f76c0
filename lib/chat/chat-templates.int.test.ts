import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import { findPromptViolations } from "@/lib/ai/prompt-guard";
import { TEAM_TEMPLATES_CONTEXT } from "@/lib/ai/prompts/chat";
import type { TurnResult } from "@/lib/chat/apply-reply";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { readEvents } from "@/tests/helpers/sse";
import { createSessionFor, createTenant, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

/** D1/J2/J3: the chat's system prompt carries the team's templates as a cached data block, and a fix may name one. */
const model = installFakeModel();
let a: TestTenant;
let b: TestTenant;
let spooler: { id: string };
let otherTenants: { id: string };

const SECRET_BODY_TOKEN = "Set-Secret-Body-Line";
const DEFAULT_VALUE = "printsrv-default-host";

async function template(user: TestUser, data: { name: string; description?: string; archived?: boolean; parameters?: unknown[] }) {
  return db.scriptTemplate.create({
    data: {
      accountId: user.accountId,
      createdById: user.id,
      name: data.name,
      description: data.description ?? null,
      language: "powershell",
      body: `${SECRET_BODY_TOKEN} -ComputerName {{computer_name}}`,
      parametersSchema: (data.parameters ?? []) as object[],
      archivedAt: data.archived ? new Date() : null,
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant("Chat Templates MSP"), createTenant("Other Templates MSP")]);
  spooler = await template(a.engineer, {
    name: "Restart a stuck print spooler",
    description: "Clears the spool folder and restarts the service.\nSafe during the day.",
    parameters: [
      { name: "computer_name", label: "Computer", type: "text", required: true, default: DEFAULT_VALUE, sensitive: false },
      { name: "admin_password", label: "Password", type: "secret", required: true, default: null, sensitive: true },
    ],
  });
  await template(a.engineer, { name: "Archived cleanup", archived: true });
  otherTenants = await template(b.engineer, { name: "Another team's template" });
});
beforeEach(() => model().reset());

const turn = (sessionId: string, message: string, as = a.engineer.id) =>
  callRoute(turnsRoute.POST, "POST", { as, params: { id: sessionId }, body: { message } });

const suggestFix = (templateId: string) =>
  `A stuck spooler matches the team's template.\n[SUGGEST_FIX]\n${JSON.stringify({
    title: "Restart the spooler",
    description: "Run the team's spooler template.",
    confidence: 80,
    template_id: templateId,
    parameters: { computer_name: "FRONTDESK-3" },
  })}\n[/SUGGEST_FIX]`;

type SystemBlock = { text?: string; cache_control?: { type: string } };

describe("the team templates block", () => {
  it("lists live templates of the account only — names, descriptions, parameter names — in its own cached block", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: "Let's look." });
    await readEvents(await turn(session.id, "The spooler keeps stopping."));

    const system = model().requests[0]!.body.system as SystemBlock[];
    expect(system).toHaveLength(2);
    expect(system.every((block) => block.cache_control?.type === "ephemeral")).toBe(true);
    const block = system[1]!.text!;
    expect(block.startsWith(TEAM_TEMPLATES_CONTEXT)).toBe(true);
    expect(block).toContain(`id ${spooler.id} · Restart a stuck print spooler (powershell; parameters: computer_name, admin_password)`);
    // One line per template: a description's line break cannot start a line of its own.
    expect(block).toContain("Clears the spool folder and restarts the service. Safe during the day.");
    expect(block).not.toContain("Archived cleanup");
    expect(block).not.toContain("Another team's template");
    expect(block).not.toContain(SECRET_BODY_TOKEN);
    expect(block).not.toContain(DEFAULT_VALUE);
    // J3: the list is data; the fixed text around it is as clean as any prompt constant.
    expect(findPromptViolations("TEAM_TEMPLATES_CONTEXT", TEAM_TEMPLATES_CONTEXT)).toEqual([]);
  });

  it("is left out for a team without templates, so the system prompt stays one block", async () => {
    const empty = await createTenant("No Templates MSP");
    const session = await createSessionFor(empty.engineer);
    model().enqueue({ text: "Let's look." });
    await readEvents(await turn(session.id, "Help", empty.engineer.id));
    expect(model().requests[0]!.body.system).toEqual([expect.objectContaining({ cache_control: { type: "ephemeral" } })]);
  });

  it("caps the list and keeps each description short", async () => {
    const big = await createTenant("Big Library MSP");
    await db.scriptTemplate.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        accountId: big.accountId,
        name: `Template ${String(index).padStart(2, "0")}`,
        description: "x".repeat(500),
        language: "bash" as const,
        body: "echo",
      })),
    });
    const session = await createSessionFor(big.engineer);
    model().enqueue({ text: "Let's look." });
    await readEvents(await turn(session.id, "Help", big.engineer.id));
    const block = (model().requests[0]!.body.system as SystemBlock[])[1]!.text!;
    expect(block.split("\n").filter((line) => line.startsWith("- id "))).toHaveLength(50);
    expect(block).not.toContain("x".repeat(200));
  });
});

describe("a [SUGGEST_FIX] naming a template", () => {
  it("links the fix to a template of this account, with the drafted parameters", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: suggestFix(spooler.id) });
    const done = (await readEvents(await turn(session.id, "The spooler is stuck again."))).at(-1)!.data as TurnResult;
    expect(done.suggested_fix).toMatchObject({ template_id: spooler.id, ai_drafted_parameters: { computer_name: "FRONTDESK-3" } });
    const stored = await db.sessionSuggestedFix.findFirstOrThrow({ where: { sessionId: session.id, supersededAt: null } });
    expect(stored.templateId).toBe(spooler.id);
  });

  it("drops another tenant's template id but keeps the fix", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: suggestFix(otherTenants.id) });
    const done = (await readEvents(await turn(session.id, "The spooler is stuck again."))).at(-1)!.data as TurnResult;
    expect(done.suggested_fix).toMatchObject({ title: "Restart the spooler", template_id: null });
    const stored = await db.sessionSuggestedFix.findFirstOrThrow({ where: { sessionId: session.id, supersededAt: null } });
    expect(stored.templateId).toBeNull();
  });

  it("drops a made-up template id", async () => {
    const session = await createSessionFor(a.engineer);
    model().enqueue({ text: suggestFix("tpl-spooler") });
    const done = (await readEvents(await turn(session.id, "The spooler is stuck again."))).at(-1)!.data as TurnResult;
    expect(done.suggested_fix).toMatchObject({ template_id: null });
  });
});
