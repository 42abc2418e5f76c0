import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";

/** What changed, as an owner reads it later in Settings → Audit. Never a secret. */
export type AuditEntry = {
  /** Dotted verb: member.role_changed, member.removed, invitation.sent, invitation.resent, invitation.revoked, invitation.accepted, psa.connection_saved, psa.connection_deleted, preferences.updated, delivery.retried, … */
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit event in the viewer's account, acted by the viewer (`userId` null: FlowPilot
 * itself, e.g. a sign-in lockout). Pass the transaction that makes the change, so the change and
 * its record commit together (or neither does).
 */
export async function recordAudit(viewer: { accountId: Viewer["accountId"]; userId: Viewer["userId"] | null }, entry: AuditEntry, client: Tx | typeof db = db) {
  await client.auditEvent.create({
    data: {
      accountId: viewer.accountId,
      actorId: viewer.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
