import { Resend } from "resend";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** What an email delivery row keeps in `payload`: enough to send it, and the dev mailbox's copy. */
export type EmailPayload = { to: string; to_name: string; subject: string; html: string; text: string; link: string; path: string };
export type EmailResult = { mode: "resend"; id: string } | { mode: "mailbox" };

/** An email failure that a retry won't fix (Resend refused the message itself). */
export class PermanentEmailError extends Error {}

const SEND_TIMEOUT_MS = 15_000;
const PERMANENT_STATUSES = new Set([400, 422]);

/**
 * Read at call time, not through `lib/env.ts`: tests point the key at the fake Resend after the
 * modules load. Without a key, mail stays in the dev mailbox (the delivery row itself).
 */
export function isDevMailbox(source: NodeJS.ProcessEnv = process.env): boolean {
  return !source.RESEND_API_KEY?.trim();
}

/**
 * Sends one email through Resend (which reads RESEND_BASE_URL itself) with `idempotencyKey`, so a
 * retry after a lost response never sends twice. With no RESEND_API_KEY it sends nothing and
 * answers `mailbox`. Throws an Error naming Resend's status and message on any failure;
 * PermanentEmailError when Resend refused the message as invalid.
 */
export async function sendEmail(message: EmailPayload, idempotencyKey: string): Promise<EmailResult> {
  if (isDevMailbox()) return { mode: "mailbox" };
  const resend = new Resend(process.env.RESEND_API_KEY!.trim());
  const { data, error } = await resend.emails.send(
    { from: env.EMAIL_FROM, to: [message.to], subject: message.subject, html: message.html, text: message.text },
    { idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (error || !data) {
    const status = error?.statusCode ?? null;
    const text = `Resend ${status ?? "request"} failed: ${error?.name ?? "no_response"}: ${error?.message ?? "no body"}`;
    throw status !== null && PERMANENT_STATUSES.has(status) ? new PermanentEmailError(text) : new Error(text);
  }
  return { mode: "resend", id: data.id };
}

type EscalationEmailInput = {
  recipientName: string; escalatorName: string; sessionTitle: string; reason: string; path: string; reminder?: boolean;
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The escalation email (F3) or its unclaimed reminder (F9): who escalated what, why, and the pickup link. */
export function buildEscalationEmail(input: EscalationEmailInput): Omit<EmailPayload, "to" | "to_name"> {
  const link = `${env.APP_URL.replace(/\/$/, "")}${input.path}`;
  const subject = input.reminder
    ? `Still waiting for pickup: “${input.sessionTitle}”`
    : `${input.escalatorName} escalated “${input.sessionTitle}”`;
  const lead = input.reminder
    ? `${input.escalatorName} escalated “${input.sessionTitle}” and nobody has picked it up yet.`
    : `${input.escalatorName} escalated “${input.sessionTitle}” and needs a teammate to pick it up.`;
  const text = `Hi ${input.recipientName},\n\n${lead}\n\nReason: ${input.reason}\n\nPick it up: ${link}\n`;
  const html = [
    `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;line-height:1.5">`,
    `<p>Hi ${escapeHtml(input.recipientName)},</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p style="border-left:3px solid #cbd5e1;padding-left:12px;white-space:pre-wrap"><strong>Reason:</strong> ${escapeHtml(input.reason)}</p>`,
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#0f172a;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">Pick up the session</a></p>`,
    `</div>`,
  ].join("");
  return { subject, html, text, link, path: input.path };
}

type InvitationEmailInput = { email: string; teamName: string; inviterName: string; role: string; link: string; path: string; expiresAt: Date };

const article = (role: string) => (/^[aeiou]/i.test(role) ? "an" : "a");

/** The invitation email (A7): who invites you to which team as what, the accept link and when it stops working. */
export function buildInvitationEmail(input: InvitationEmailInput): Omit<EmailPayload, "to" | "to_name"> {
  const subject = `${input.inviterName} invited you to ${input.teamName} on FlowPilot`;
  const lead = `${input.inviterName} invited you to join ${input.teamName} on FlowPilot as ${article(input.role)} ${input.role}.`;
  const expiry = `The link is for ${input.email}, works once and expires on ${input.expiresAt.toUTCString()}.`;
  const text = `Hi,\n\n${lead}\n\nAccept the invitation: ${input.link}\n\n${expiry}\n`;
  const html = [
    `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;line-height:1.5">`,
    `<p>Hi,</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#0f172a;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">Accept the invitation</a></p>`,
    `<p style="color:#475569">${escapeHtml(expiry)}</p>`,
    `</div>`,
  ].join("");
  return { subject, html, text, link: input.link, path: input.path };
}

const MAILBOX_LIMIT = 50;

/**
 * The viewer's mail kept by the dev mailbox, newest first; for owners and admins also the
 * invitations their account sent (the invitee has no mailbox here yet). The body's link is made
 * app-relative, so it works whatever host and port the dev server answers on.
 */
export async function listDevMailbox(viewer: Viewer) {
  const invitations = viewer.role === "owner" || viewer.role === "admin" ? [{ recipientUserId: null, invitationId: { not: null } }] : [];
  const rows = await db.notificationDelivery.findMany({
    where: { accountId: viewer.accountId, channel: "email", status: "sent", OR: [{ recipientUserId: viewer.userId }, ...invitations] },
    orderBy: { sentAt: "desc" },
    take: MAILBOX_LIMIT,
    select: { id: true, sentAt: true, payload: true },
  });
  return rows.map((row) => {
    const mail = row.payload as EmailPayload;
    const html = mail.html.replaceAll(`href="${escapeHtml(mail.link)}"`, `href="${escapeHtml(mail.path)}"`);
    return { id: row.id, sentAt: row.sentAt!, to: mail.to, subject: mail.subject, html, path: mail.path };
  });
}
