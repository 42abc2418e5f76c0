import type { Db } from "@/lib/db";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { demoAccount, demoUsers } from "../../prisma/seed-data";

export const LOAD_SESSIONS = 10_000;
const BATCH = 1_000;
const SENIOR_DRAFTS = 200;
const SENIOR_NOTIFICATIONS = 2_000;

const topics = ["VPN drops", "Printer offline", "Mailbox full", "MFA loop", "Disk space low", "Slow logon", "Backup failed"];
const companies = ["Northwind Dental", "Contoso Legal", "Fabrikam Logistics", "Tailspin Toys", "Litware Inc"];
const owners = [demoUsers.junior.id, demoUsers.senior.id, demoUsers.owner.id, demoUsers.admin.id];

/** Out of every 100 sessions: 2 escalated + 1 legacy requesting_escalation (3% in transit). */
export function loadStatus(index: number): SessionStatus {
  const slot = index % 100;
  if (slot < 2) return "escalated";
  if (slot < 3) return "requesting_escalation";
  if (slot < 28) return "active";
  if (slot < 40) return "parked";
  return "resolved";
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/**
 * Adds a tenant's worth of history to the seeded demo account: LOAD_SESSIONS sessions with varied
 * statuses, plus drafts and notifications for the demo senior (a quarter of drafts pending, a tenth
 * of notifications unread). Deterministic, so every run measures the same data.
 */
export async function seedLoad(db: Db): Promise<{ sessions: number; drafts: number; notifications: number }> {
  const accountId = demoAccount.id;
  for (let start = 0; start < LOAD_SESSIONS; start += BATCH) {
    const data = Array.from({ length: Math.min(BATCH, LOAD_SESSIONS - start) }, (_, offset) => {
      const index = start + offset;
      const status = loadStatus(index);
      const createdAt = minutesAgo(30 + index * 13);
      const inTransit = status === "escalated" || status === "requesting_escalation";
      return {
        accountId,
        userId: owners[index % owners.length]!,
        title: `${topics[index % topics.length]} (load #${index})`,
        companyName: companies[index % companies.length],
        status,
        createdAt,
        escalatedAt: inTransit ? createdAt : null,
        escalationReason: inTransit ? "Needs a senior engineer" : null,
        resolvedAt: status === "resolved" ? createdAt : null,
      };
    });
    await db.aiSession.createMany({ data });
  }

  await db.draftTemplate.createMany({
    data: Array.from({ length: SENIOR_DRAFTS }, (_, index) => ({
      accountId,
      userId: demoUsers.senior.id,
      name: `Load draft #${index}`,
      language: "powershell" as const,
      originalScript: `Write-Output ${index}`,
      templatedBody: "Write-Output {{value}}",
      status: (["pending", "accepted", "rejected", "accepted"] as const)[index % 4]!,
    })),
  });

  for (let start = 0; start < SENIOR_NOTIFICATIONS; start += BATCH) {
    await db.appNotification.createMany({
      data: Array.from({ length: Math.min(BATCH, SENIOR_NOTIFICATIONS - start) }, (_, offset) => {
        const index = start + offset;
        return {
          accountId,
          userId: demoUsers.senior.id,
          type: "escalation",
          title: `Escalation #${index}`,
          body: "A junior engineer asked for help.",
          link: "/pilot",
          readAt: index % 10 === 0 ? null : minutesAgo(index),
          createdAt: minutesAgo(index * 7),
        };
      }),
    });
  }
  return { sessions: LOAD_SESSIONS, drafts: SENIOR_DRAFTS, notifications: SENIOR_NOTIFICATIONS };
}
