import type { Tx } from "@/lib/db";
import { demoAccount, demoUsers } from "./seed-data";

type PastEscalation = {
  title: string;
  companyName: string;
  reason: string;
  daysAgo: number;
  /** Minutes from the escalation to the claim. */
  claimAfterMinutes: number;
  /** Seconds from the claim to the claimer's first message; null: claimed, nothing done yet. */
  firstActionAfterSeconds: number | null;
  claimer: "senior" | "owner";
};

/**
 * A month of past escalations, claimed and (mostly) worked, so the Analytics page of a fresh demo
 * has a trend to show. Escalated by the admin (so the junior's own lists stay as the demo
 * describes them) and resolved since, so none waits in the queue.
 */
export const PAST_ESCALATIONS: PastEscalation[] = [
  { title: "Mailbox full, can't send", companyName: "Contoso Dental", reason: "Needs an archive policy change", daysAgo: 27, claimAfterMinutes: 18, firstActionAfterSeconds: 540, claimer: "senior" },
  { title: "Printer offline after firmware update", companyName: "Northwind Dental", reason: "Vendor firmware rollback", daysAgo: 25, claimAfterMinutes: 42, firstActionAfterSeconds: 420, claimer: "owner" },
  { title: "Shared drive mapping fails at logon", companyName: "Fabrikam Logistics", reason: "GPO change needs a senior", daysAgo: 23, claimAfterMinutes: 9, firstActionAfterSeconds: 360, claimer: "senior" },
  { title: "MFA prompts loop on mobile", companyName: "Contoso Dental", reason: "Conditional access policy", daysAgo: 21, claimAfterMinutes: 25, firstActionAfterSeconds: 300, claimer: "senior" },
  { title: "VPN drops every hour", companyName: "Fabrikam Logistics", reason: "IPsec lifetimes on the firewall", daysAgo: 19, claimAfterMinutes: 14, firstActionAfterSeconds: 330, claimer: "owner" },
  { title: "Teams calls cut out", companyName: "Northwind Dental", reason: "QoS on the core switch", daysAgo: 16, claimAfterMinutes: 31, firstActionAfterSeconds: 240, claimer: "senior" },
  { title: "Backup job fails nightly", companyName: "Contoso Dental", reason: "Needs the backup admin", daysAgo: 14, claimAfterMinutes: 7, firstActionAfterSeconds: 210, claimer: "senior" },
  { title: "New starter can't see the CRM", companyName: "Fabrikam Logistics", reason: "Licence assignment", daysAgo: 12, claimAfterMinutes: 12, firstActionAfterSeconds: null, claimer: "owner" },
  { title: "Laptop BitLocker recovery prompt", companyName: "Northwind Dental", reason: "Recovery key not in Entra", daysAgo: 10, claimAfterMinutes: 5, firstActionAfterSeconds: 180, claimer: "senior" },
  { title: "Website certificate expired", companyName: "Contoso Dental", reason: "DNS validation at the registrar", daysAgo: 7, claimAfterMinutes: 22, firstActionAfterSeconds: 150, claimer: "senior" },
  { title: "Scanner to email stopped", companyName: "Fabrikam Logistics", reason: "SMTP relay change", daysAgo: 5, claimAfterMinutes: 16, firstActionAfterSeconds: 120, claimer: "owner" },
  { title: "Wi-Fi drops in the east wing", companyName: "Northwind Dental", reason: "Controller config", daysAgo: 3, claimAfterMinutes: 11, firstActionAfterSeconds: 95, claimer: "senior" },
  { title: "Outlook search returns nothing", companyName: "Contoso Dental", reason: "Index rebuild on the RDS host", daysAgo: 1, claimAfterMinutes: 8, firstActionAfterSeconds: 80, claimer: "senior" },
];

const DAY = 24 * 60 * 60_000;

/** Writes `PAST_ESCALATIONS` as resolved sessions with their claimed handoffs and first actions. */
export async function seedEscalationHistory(db: Tx, now = Date.now()) {
  const accountId = demoAccount.id;
  const escalator = demoUsers.admin;
  for (const past of PAST_ESCALATIONS) {
    const claimer = demoUsers[past.claimer];
    const escalatedAt = new Date(now - past.daysAgo * DAY);
    const claimedAt = new Date(escalatedAt.getTime() + past.claimAfterMinutes * 60_000);
    const actedAt = past.firstActionAfterSeconds === null ? null : new Date(claimedAt.getTime() + past.firstActionAfterSeconds * 1000);
    const resolvedAt = new Date((actedAt ?? claimedAt).getTime() + 40 * 60_000);
    const session = await db.aiSession.create({
      data: {
        accountId, userId: escalator.id, handlerId: claimer.id, title: past.title, companyName: past.companyName, status: "resolved",
        escalationReason: past.reason, escalatedAt, resolvedAt, createdAt: new Date(escalatedAt.getTime() - 30 * 60_000), updatedAt: resolvedAt,
      },
      select: { id: true },
    });
    await db.sessionHandoff.create({
      data: { accountId, sessionId: session.id, intent: "escalate", reason: past.reason, fromUserId: escalator.id, createdAt: escalatedAt, claimedAt, claimedById: claimer.id },
    });
    const steps = [
      { userId: escalator.id, kind: "engineer_action" as const, content: `Escalated: ${past.reason}`, createdAt: escalatedAt, metadata: { type: "handoff_escalate" } },
      { userId: claimer.id, kind: "engineer_action" as const, content: `Picked up by ${claimer.name}`, createdAt: claimedAt, metadata: { type: "handoff_claimed" } },
      ...(actedAt ? [{ userId: claimer.id, kind: "engineer_message" as const, content: "Taking a look now.", createdAt: actedAt, metadata: {} }] : []),
    ];
    await db.aiSessionStep.createMany({ data: steps.map((step) => ({ ...step, accountId, sessionId: session.id })) });
  }
}
