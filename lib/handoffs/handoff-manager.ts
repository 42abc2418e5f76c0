import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { loadSensitiveValues } from "@/lib/documents/bundle";
import { previewEscalationPackage } from "@/lib/documents/preview";
import { previewCache } from "@/lib/documents/preview-cache";
import { conflict, invalid } from "@/lib/errors";
import type { HandoffIntent, SessionStatus } from "@/lib/generated/prisma/enums";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { handoffView, sessionView } from "@/lib/handoffs/views";
import { dispatchDeliveries, runInBackground } from "@/lib/notifications/dispatcher";
import { enqueueEscalationDeliveries, pickupPath } from "@/lib/notifications/outbox";
import { postDocumentationToPsa } from "@/lib/psa/psa-writeback";
import type { PsaWritebackResult } from "@/lib/psa/writeback/types";
import { publishCommitted } from "@/lib/realtime/bus";
import { recordRealtimeEvent, type RealtimeEvent } from "@/lib/realtime/events";
import { redactValues } from "@/lib/scripts/redaction";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { IN_TRANSIT_STATUSES, isInTransit } from "@/lib/sessions/statuses";

export type CreateHandoff = { sessionId: string; intent: HandoffIntent; reason: string; targetUserId?: string; packageMarkdown?: string };
type Package = { markdown: string; aiGenerated: boolean };
type WorkableSession = Awaited<ReturnType<typeof loadSessionForWrite>>;

export const NOTIFICATION_TYPE = "session.escalated";
const TRANSACTION = { timeout: 10_000 } as const;
/** Statuses a handoff of each intent can't start from (re-checked inside the transaction). */
const BLOCKED: Record<HandoffIntent, SessionStatus[]> = {
  escalate: ["resolved", ...IN_TRANSIT_STATUSES],
  park: ["resolved", "parked", ...IN_TRANSIT_STATUSES],
};
const handoffSelect = {
  id: true, sessionId: true, intent: true, reason: true, fromUserId: true, targetUserId: true, claimedAt: true, claimedById: true, createdAt: true,
} as const;

/**
 * F1–F2: hands a session the viewer works on to the team (escalate) or sets it aside (park).
 * Escalate builds the package (model or deterministic fallback) before the transaction, then
 * writes in one transaction the handoff, the session's escalation fields, the documentation, a
 * step, a bell notification per eligible teammate, the pending email/Slack/Teams deliveries and
 * the `handoff_created` live event; after commit it publishes the event and sends the deliveries
 * in the background, so neither can fail or slow the request (the sweeper retries what fails).
 * Then, for a session linked to a ticket, PSAWriteback posts the package as an internal-analysis
 * note and moves the ticket to the configured escalated status (outcome `escalated`; otherwise
 * `escalated_local`). Park writes the handoff and a step only: no fan-out, no PSA (F2).
 * Throws not_found / forbidden as `loadSessionForWrite`; conflict for a resolved, already
 * escalated or already parked session; invalid for a self or ineligible target;
 * PsaWritebackFailure (502, `error.details.psa_post_id`) when the PSA post fails — the session
 * stays escalated and the teammates are notified all the same.
 */
export async function createHandoff(viewer: Viewer, input: CreateHandoff) {
  const session = await loadSessionForWrite(viewer, input.sessionId);
  refuseState(session.status, input.intent);
  if (input.targetUserId) await checkTarget(viewer, input.targetUserId);

  const pkg = input.intent === "escalate" ? await buildPackage(viewer, session, input.packageMarkdown) : null;
  const { result, fanOut } = await db.$transaction(async (tx) => {
    // The status condition makes a second, concurrent handoff wait for the first and then miss.
    const moved = await tx.aiSession.updateMany({
      where: { id: session.id, accountId: viewer.accountId, status: { notIn: BLOCKED[input.intent] } },
      data: { status: input.intent === "escalate" ? "escalated" : "parked" },
    });
    if (moved.count === 0) throw conflict("This session changed while you were handing it off. Reload to see where it is.");
    const handoff = await tx.sessionHandoff.create({
      data: { accountId: viewer.accountId, sessionId: session.id, intent: input.intent, reason: input.reason, fromUserId: viewer.userId, targetUserId: input.targetUserId ?? null },
      select: handoffSelect,
    });
    const escalation = pkg ? await writeEscalation(tx, viewer, session, handoff, pkg) : null;
    const documentation = escalation?.documentation ?? null;
    await tx.aiSessionStep.create({
      data: {
        accountId: viewer.accountId, sessionId: session.id, userId: viewer.userId, kind: "engineer_action",
        content: input.intent === "escalate" ? `Escalated: ${input.reason}` : `Parked: ${input.reason}`,
        metadata: { type: `handoff_${input.intent}`, handoff_id: handoff.id, documentation_id: documentation?.id ?? null },
      },
    });
    const summary = await tx.aiSession.findFirstOrThrow({
      where: { id: session.id },
      select: { id: true, status: true, escalationReason: true, escalatedToId: true, escalatedAt: true, handlerId: true },
    });
    const doc = documentation && { id: documentation.id, markdown: documentation.markdown, ai_generated: documentation.aiGenerated };
    return { result: { handoff: handoffView(handoff), session: sessionView(summary), documentation: doc }, fanOut: escalation?.fanOut ?? null };
  }, TRANSACTION);
  if (fanOut) announceEscalation(fanOut);
  const psa = result.documentation && session.psaTicketId ? await postDocumentationToPsa(viewer, { documentationId: result.documentation.id, sessionStatus: "escalated" }) : null;
  return { ...result, outcome: outcomeOf(input.intent, psa), psa };
}

function outcomeOf(intent: HandoffIntent, psa: PsaWritebackResult | null) {
  if (intent === "park") return "parked" as const;
  return psa?.posted ? ("escalated" as const) : ("escalated_local" as const);
}

type FanOut = { event: RealtimeEvent; deliveryIds: string[] };

/** After commit: live push first, then email and chat; each failure is logged on its own. */
function announceEscalation({ event, deliveryIds }: FanOut) {
  runInBackground("handoffs.fan_out_failed", async () => {
    await publishCommitted(event);
    try {
      await dispatchDeliveries(deliveryIds);
    } catch (error) {
      console.error(JSON.stringify({ event: "handoffs.dispatch_failed", handoff_id: event.payload.handoff_id, error: String(error) }));
    }
  });
}

function refuseState(status: string, intent: HandoffIntent) {
  if (status === "resolved") throw conflict("This session is already resolved; there is nothing to hand off.");
  if (isInTransit(status)) throw conflict("This session is already escalated and waiting for pickup.");
  if (intent === "park" && status === "parked") throw conflict("This session is already parked.");
}

async function checkTarget(viewer: Viewer, targetUserId: string) {
  if (targetUserId === viewer.userId) throw invalid("You can't hand a session off to yourself; pick a teammate.");
  const target = await db.user.findFirst({ where: { ...escalationRecipientsWhere({ accountId: viewer.accountId, escalatorId: viewer.userId }), id: targetUserId }, select: { id: true } });
  if (!target) throw invalid("The target must be an active engineer, admin or owner of your account.");
}

/**
 * The package outside any transaction: the engineer's edit, or the preview (which never throws
 * for the model, E6). Only the model's own words, unedited, count as AI-written.
 */
async function buildPackage(viewer: Viewer, session: WorkableSession, edited: string | undefined): Promise<Package> {
  const sensitive = await loadSensitiveValues(session.id);
  if (edited === undefined) {
    const preview = await previewEscalationPackage(viewer, session.id);
    return { markdown: redactValues(preview.markdown, sensitive), aiGenerated: preview.ai_generated };
  }
  const cached = previewCache.get("escalation_package", session.id, session.stateVersion);
  return { markdown: redactValues(edited, sensitive), aiGenerated: cached !== undefined && cached.markdown.trim() === edited.trim() };
}

type HandoffRow = { id: string; reason: string; targetUserId: string | null; createdAt: Date };

async function writeEscalation(tx: Tx, viewer: Viewer, session: WorkableSession, handoff: HandoffRow, pkg: Package): Promise<{ documentation: { id: string; markdown: string; aiGenerated: boolean }; fanOut: FanOut }> {
  const escalationPackage = {
    markdown: pkg.markdown,
    ai_generated: pkg.aiGenerated,
    handoff: { id: handoff.id, reason: handoff.reason, from_user_id: viewer.userId, from_user_name: viewer.name, target_user_id: handoff.targetUserId, created_at: handoff.createdAt.toISOString() },
  };
  await tx.aiSession.update({
    where: { id: session.id },
    data: { escalationReason: handoff.reason, escalatedToId: handoff.targetUserId, escalatedAt: handoff.createdAt, escalationPackage, escalationPackageMarkdown: pkg.markdown },
  });
  // A linked session's package is posted after commit (PSAWriteback), which sets its PSA status.
  const documentation = await tx.sessionDocumentation.create({
    data: {
      accountId: viewer.accountId, sessionId: session.id, kind: "escalation_package", markdown: pkg.markdown, aiGenerated: pkg.aiGenerated,
      psaPostStatus: session.psaTicketId ? null : "local", createdById: viewer.userId,
    },
    select: { id: true, markdown: true, aiGenerated: true },
  });
  const recipients = await tx.user.findMany({ where: escalationRecipientsWhere({ accountId: viewer.accountId, escalatorId: viewer.userId }), select: { id: true, email: true, name: true } });
  const link = pickupPath(session.id);
  await tx.appNotification.createMany({
    data: recipients.map((user) => ({
      accountId: viewer.accountId, userId: user.id, type: NOTIFICATION_TYPE, sessionId: session.id, handoffId: handoff.id,
      title: `${viewer.name} escalated “${session.title}”`,
      body: handoff.reason.slice(0, 280),
      link,
    })),
  });
  const deliveryIds = await enqueueEscalationDeliveries(tx, {
    accountId: viewer.accountId, handoffId: handoff.id, sessionId: session.id, sessionTitle: session.title,
    reason: handoff.reason, escalatorName: viewer.name, recipients,
  });
  const event = await recordRealtimeEvent(tx, viewer.accountId, "handoff_created", {
    handoff_id: handoff.id, session_id: session.id, session_title: session.title, reason: handoff.reason,
    from_user_id: viewer.userId, from_user_name: viewer.name, target_user_id: handoff.targetUserId,
    created_at: handoff.createdAt.toISOString(), link,
  });
  return { documentation, fanOut: { event, deliveryIds } };
}

/**
 * F1: the legacy `/escalate` entry (and `/escalation-package/post`) — the same canonical path as
 * `/handoff` with intent escalate, answered in the session-close shape: `psa` is null without a
 * linked ticket. Throws as `createHandoff`.
 */
export async function escalateSession(viewer: Viewer, input: Omit<CreateHandoff, "intent">) {
  const result = await createHandoff(viewer, { ...input, intent: "escalate" });
  const documentation = result.documentation!;
  return {
    status: "escalated" as const,
    outcome: result.outcome,
    session_id: result.session.id,
    handoff_id: result.handoff.id,
    documentation,
    psa: result.psa,
  };
}
