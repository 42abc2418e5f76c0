import { beforeAll, describe, expect, it } from "vitest";
import { buildDocumentBundle, loadSensitiveValues } from "@/lib/documents/bundle";
import { db } from "@/lib/db";
import { addFacts, addFix, addScriptRun, addStep, bumpVersion } from "@/tests/helpers/documents";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

const schema = [
  { name: "account", label: "Account", type: "text", required: true, sensitive: false },
  { name: "new_password", label: "New password", type: "password", required: true, sensitive: true },
];

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Bundle MSP");
});

describe("buildDocumentBundle", () => {
  it("holds the session, live facts only, and the state_version", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Printer offline on floor two" });
    await db.aiSession.update({ where: { id: session.id }, data: { companyName: "Client Co", psaTicketId: "4711", psaTicketRef: "#4711" } });
    await addFacts(tenant.engineer, session.id, ["Spooler service is stopped", "Other printers work"]);
    await addFacts(tenant.engineer, session.id, ["Withdrawn guess"], { deleted: true });
    await bumpVersion(session.id);

    const { bundle } = await buildDocumentBundle(session.id);
    expect(bundle.session).toEqual({ title: "Printer offline on floor two", company_name: "Client Co", ticket_ref: "#4711", status: "active" });
    expect(bundle.facts.map((fact) => fact.text)).toEqual(["Spooler service is stopped", "Other printers work"]);
    expect(bundle.active_fix).toBeNull();
    expect(bundle.state_version).toBe(1);
  });

  it("carries the active fix with its outcome fields, not a superseded one", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addFix(tenant.engineer, session.id, { title: "Old idea", superseded: true });
    const appliedAt = new Date("2026-03-01T10:00:00Z");
    await addFix(tenant.engineer, session.id, {
      title: "Restart the spooler",
      status: "applied_partial",
      appliedAt,
      partialNotes: "Prints again, but slowly",
    });

    const { bundle } = await buildDocumentBundle(session.id);
    expect(bundle.active_fix).toMatchObject({
      title: "Restart the spooler",
      status: "applied_partial",
      applied_at: appliedAt.toISOString(),
      verified_at: null,
      partial_notes: "Prints again, but slowly",
      failure_reason: null,
    });
  });

  it("redacts sensitive values in script runs and everywhere else, even when the stored row isn't", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addScriptRun(tenant.engineer, session.id, {
      schema,
      parameters: { account: "svc-print", new_password: "Tr0ub4dor&3" },
      renderedScript: "Set-ADAccountPassword svc-print -NewPassword 'Tr0ub4dor&3'",
    });
    await addFacts(tenant.engineer, session.id, ["Reset svc-print to Tr0ub4dor&3"]);

    const { bundle, redact } = await buildDocumentBundle(session.id);
    const serialized = JSON.stringify(bundle);
    expect(serialized).not.toContain("Tr0ub4dor&3");
    expect(bundle.script_runs).toHaveLength(1);
    expect(bundle.script_runs[0]).toMatchObject({
      template_name: "Reset a service account",
      parameters: { account: "svc-print", new_password: "[REDACTED]" },
      script: "Set-ADAccountPassword svc-print -NewPassword '[REDACTED]'",
    });
    const [run] = await db.scriptGeneration.findMany({ where: { sessionId: session.id }, select: { createdAt: true } });
    expect(bundle.script_runs[0]!.ran_at).toBe(run!.createdAt.toISOString());
    expect(bundle.facts[0]!.text).toBe("Reset svc-print to [REDACTED]");
    expect(redact("echo Tr0ub4dor&3")).toBe("echo [REDACTED]");
    expect(await loadSensitiveValues(session.id)).toEqual(["Tr0ub4dor&3"]);
  });

  it("includes the engineer's steps, trimmed, but not the assistant's", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addStep(tenant.engineer, session.id, "engineer_message", "  The customer says it broke after the update.  ");
    await addStep(tenant.engineer, session.id, "assistant_message", "Assistant reply that must stay out");
    await addStep(tenant.engineer, session.id, "engineer_action", "x".repeat(2000));

    const { bundle } = await buildDocumentBundle(session.id);
    expect(bundle.engineer_steps.map((step) => step.kind)).toEqual(["engineer_message", "engineer_action"]);
    expect(bundle.engineer_steps[0]!.text).toBe("The customer says it broke after the update.");
    expect(bundle.engineer_steps[1]!.text.length).toBeLessThan(700);
    const stored = await db.aiSessionStep.findMany({ where: { sessionId: session.id, kind: { not: "assistant_message" } }, orderBy: { createdAt: "asc" } });
    expect(bundle.engineer_steps.map((step) => step.at)).toEqual(stored.map((step) => step.createdAt.toISOString()));
    expect(JSON.stringify(bundle)).not.toContain("Assistant reply");
  });
});
