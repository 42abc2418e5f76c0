import { randomUUID } from "node:crypto";
import { readAccountPreferences } from "@/lib/accounts/preferences";
import type { Viewer } from "@/lib/auth/viewer";
import { db, queryPreparedRows } from "@/lib/db";
import { loadSensitiveValues } from "@/lib/documents/bundle";
import { previewEscalationPackage } from "@/lib/documents/preview";
import { previewCache } from "@/lib/documents/preview-cache";
import { conflict, invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HandoffIntent, SessionStatus } from "@/lib/generated/prisma/enums";
import { escalationRecipientsSql, escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { handoffView, sessionView } from "@/lib/handoffs/views";
import { dispatchDeliveries, runInBackground } from "@/lib/notifications/dispatcher";
import { escalationDeliveryRows, pickupPath, type Recipient } from "@/lib/notifications/outbox";
import { postDocumentationToPsa } from "@/lib/psa/psa-writeback";
import type { PsaWritebackResult } from "@/lib/psa/writeback/types";
import { publishCommitted } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { redactValues } from "@/lib/scripts/redaction";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { IN_TRANSIT_STATUSES, isInTransit } from "@/lib/sessions/statuses";
import { writeHandoff, type EscalationWrite } from "@/lib/handoffs/write-handoff";

export type CreateHandoff = { sessionId: string; intent: HandoffIntent; reason: string; targetUserId?: string; packageMarkdown?: string };
type Package = { markdown: string; aiGenerated: boolean };
type WorkableSession = Awaited<ReturnType<typeof loadSessionForWrite>>;

export { NOTIFICATION_TYPE } from "@/lib/handoffs/write-handoff";
/** Statuses a handoff of each intent can't start from (re-checked by the write). */
const BLOCKED: Record<HandoffIntent, SessionStatus[]> = {
  escalate: ["resolved", ...IN_TRANSIT_STATUSES],
  park: ["resolved", "parked", ...IN_TRANSIT_STATUSES],
};

/**
 * F1–F2: hands a session the viewer works on to the team (escalate) or sets it aside (park).
 * Escalate builds the package (model or deterministic fallback) and reads whom to tell first,
 * then writes in one statement (writeHandoff) the handoff, the session's escalation fields, the
 * documentation, a step, a bell notification per eligible teammate, the pending email/Slack/Teams
 * deliveries and the `handoff_created` live event; after commit it publishes the event and sends the deliveries
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
  const escalation = pkg ? await planEscalation(viewer, session, { reason: input.reason, pkg }) : null;
  const written = await writeHandoff({
    viewer, session, intent: input.intent, reason: input.reason, targetUserId: input.targetUserId ?? null, blocked: BLOCKED[input.intent], escalation, now: new Date(),
  });
  if (!written) throw conflict("This session changed while you were handing it off. Reload to see where it is.");
  const { documentation, fanOut } = written;
  const doc = documentation && { id: documentation.id, markdown: documentation.markdown, ai_generated: documentation.aiGenerated };
  const result = { handoff: handoffView(written.handoff), session: sessionView(written.session), documentation: doc };
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

/**
 * Whom an escalation tells and how, read before the write: the eligible teammates (the write
 * re-checks each) and the deliveries the account's preferences ask for.
 */
async function planEscalation(viewer: Viewer, session: WorkableSession, input: { reason: string; pkg: Package }): Promise<EscalationWrite> {
  const handoffId = randomUUID();
  const [recipients, preferences] = await Promise.all([
    queryPreparedRows<Recipient>(Prisma.sql`
      SELECT u.id, u.email, u.name FROM users u WHERE ${escalationRecipientsSql("u", { accountId: viewer.accountId, escalatorId: viewer.userId })}`),
    readAccountPreferences(viewer.accountId),
  ]);
  const deliveries = escalationDeliveryRows(
    { accountId: viewer.accountId, handoffId, sessionId: session.id, sessionTitle: session.title, reason: input.reason, escalatorName: viewer.name, recipients },
    preferences,
  );
  return { handoffId, markdown: input.pkg.markdown, aiGenerated: input.pkg.aiGenerated, link: pickupPath(session.id), recipients, deliveries };
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
