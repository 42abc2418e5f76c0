import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TestTenant } from "@/tests/helpers/tenant";

/**
 * Writes at least one row into every tenant table for `tenant` (accounts and users come from
 * createTenant), so a test of the tenant wall has something on each side of it. A table added
 * later without a row here fails the row-level security test, which names it.
 */
export async function fillEveryTenantTable(tenant: TestTenant): Promise<void> {
  const { accountId, engineer, owner } = tenant;
  const tag = randomUUID();
  await db.accountSettings.create({ data: { accountId, preferences: { escalation_renotify_minutes: 30 } } });
  const session = await db.aiSession.create({ data: { accountId, userId: engineer.id, title: `Wall ${tag}` } });
  const sessionId = session.id;
  await db.aiSessionStep.create({ data: { accountId, sessionId, kind: "engineer_message", content: "Printer offline" } });
  await db.sessionFact.create({ data: { accountId, sessionId, text: "Spooler stopped", sourceKind: "engineer_note" } });
  await db.sessionSuggestedFix.create({ data: { accountId, sessionId, title: "Restart spooler", description: "Restart it", confidence: 80 } });
  const handoff = await db.sessionHandoff.create({ data: { accountId, sessionId, intent: "escalate", reason: "Stuck", fromUserId: engineer.id } });
  const documentation = await db.sessionDocumentation.create({
    data: { accountId, sessionId, kind: "escalation_package", markdown: "# Package", aiGenerated: false, createdById: engineer.id },
  });
  await db.appNotification.create({
    data: { accountId, userId: owner.id, type: "session.escalated", title: "Escalated", body: "Stuck", link: `/pilot/${sessionId}`, sessionId, handoffId: handoff.id },
  });
  await db.realtimeEvent.create({ data: { accountId, type: "handoff_created", payload: { handoff_id: handoff.id } } });
  const invitation = await db.invitation.create({
    data: { accountId, email: `wall-${tag}@example.test`, role: "engineer", tokenHash: `hash-${tag}`, invitedById: owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  await db.notificationDelivery.create({ data: { accountId, channel: "email", idempotencyKey: `wall/${tag}`, payload: {}, invitationId: invitation.id } });
  await db.psaConnection.create({
    data: { accountId, siteUrl: "https://psa.example.test", companyId: "acme", clientId: "client", publicKeyEncrypted: "sealed", privateKeyEncrypted: "sealed" },
  });
  await db.psaPost.create({ data: { accountId, sessionId, documentationId: documentation.id, kind: "escalation_package", ticketId: "1001" } });
  const category = await db.scriptCategory.create({ data: { accountId, name: `Printers ${tag}` } });
  const template = await db.scriptTemplate.create({ data: { accountId, name: "Restart spooler", language: "powershell", body: "Restart-Service Spooler", categoryId: category.id } });
  await db.scriptTemplateVersion.create({ data: { accountId, templateId: template.id, version: 1, name: template.name, language: "powershell", body: template.body } });
  await db.scriptGeneration.create({ data: { accountId, userId: engineer.id, renderedScript: "Restart-Service Spooler", templateId: template.id } });
  await db.draftTemplate.create({
    data: { accountId, userId: engineer.id, name: "Draft", language: "powershell", originalScript: "Restart-Service Spooler", templatedBody: "Restart-Service {{Service}}" },
  });
  const builder = await db.scriptBuilderSession.create({ data: { accountId, userId: engineer.id, title: "Builder", language: "powershell" } });
  await db.scriptBuilderMessage.create({ data: { accountId, builderSessionId: builder.id, role: "user", content: "Restart the spooler" } });
  await db.auditEvent.create({ data: { accountId, actorId: owner.id, action: "member.invited", targetType: "invitation", targetId: invitation.id } });
  await db.signIn.create({ data: { accountId, userId: owner.id, userAgent: "wall test" } });
  await db.kbArticle.create({ data: { accountId, sessionId, authorId: engineer.id, format: "troubleshooting", title: "Wall article", bodyMarkdown: "## Symptoms\nWall", aiGenerated: false } });
}
