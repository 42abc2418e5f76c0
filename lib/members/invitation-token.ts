import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/** An invitation link works for 7 days after it was (re)sent. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** The sha256 hex of a token: what the database keeps, so a leaked table opens no invitation. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh 32-byte token (base64url) and its hash. The token itself is only ever put in the mail. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The app-relative accept page of `token`. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export function invitationLink(token: string): string {
  return `${env.APP_URL.replace(/\/$/, "")}${invitationPath(token)}`;
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_MS);
}
