import { db } from "@/lib/db";
import type { HandoffIntent } from "@/lib/generated/prisma/enums";
import { createSessionFor, type TestUser } from "@/tests/helpers/tenant";

type PendingOptions = { status?: "escalated" | "requesting_escalation" | "parked"; intent?: HandoffIntent };

/** A session of `from` already handed off (as an earlier escalation would leave it), with its handoff row. */
export async function createPendingHandoff(from: TestUser, options: PendingOptions = {}) {
  const intent = options.intent ?? "escalate";
  const status = options.status ?? (intent === "park" ? "parked" : "escalated");
  const session = await createSessionFor(from, { title: `Handoff (${status})`, status });
  const handoff = await db.sessionHandoff.create({
    data: { accountId: from.accountId, sessionId: session.id, intent, reason: "Needs a senior", fromUserId: from.id },
  });
  return { session, handoff };
}

/**
 * Everything an escalation writes for `sessionId`, without ids and times, so two escalations of
 * like sessions can be compared field by field.
 */
export async function escalationState(sessionId: string) {
  const session = await db.aiSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { status: true, escalationReason: true, escalatedToId: true, escalatedAt: true, escalationPackage: true, escalationPackageMarkdown: true, handlerId: true },
  });
  const pkg = session.escalationPackage as { markdown: string; ai_generated: boolean; handoff: Record<string, unknown> } | null;
  const handoffs = await db.sessionHandoff.findMany({ where: { sessionId }, select: { intent: true, reason: true, fromUserId: true, targetUserId: true, claimedAt: true } });
  const docs = await db.sessionDocumentation.findMany({ where: { sessionId }, select: { kind: true, aiGenerated: true, psaPostStatus: true, createdById: true, markdown: true } });
  const steps = await db.aiSessionStep.findMany({ where: { sessionId }, select: { kind: true, content: true, userId: true } });
  const notifications = await db.appNotification.findMany({
    where: { sessionId }, orderBy: { userId: "asc" }, select: { userId: true, type: true, title: true, body: true, link: true },
  });
  return {
    session: {
      ...session,
      escalatedAt: session.escalatedAt !== null,
      escalationPackage: pkg && { markdown: pkg.markdown, ai_generated: pkg.ai_generated, handoff: { ...pkg.handoff, id: typeof pkg.handoff.id, created_at: typeof pkg.handoff.created_at } },
    },
    handoffs,
    docs,
    steps,
    notifications: notifications.map((n) => ({ ...n, link: n.link.replace(sessionId, ":id") })),
  };
}
