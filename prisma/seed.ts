import { hashPassword } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db";
import { runInSystemScope } from "@/lib/tenancy/scope";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { demoAccount, demoSessions, demoUsers, otherAccount, otherSessions, otherUsers } from "./seed-data";
import { seedEscalationHistory } from "./seed-history";
import { seedDemoPsa, type DemoPsaSimulator } from "./seed-psa";
import { seedResolvedHistory } from "./seed-resolved";
import { seedScriptLibrary } from "./seed-scripts";

type SeedUser = { id: string; email: string; name: string; role: UserRole; deletedAt: Date | null };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

export type SeedOptions = {
  /** The ConnectWise simulator `npm run dev` started: the demo tenant's PSA (see seed-psa.ts). */
  psaSimulator?: DemoPsaSimulator;
};

/**
 * Seeds the demo MSP and a second tenant. Idempotent: accounts and users are upserted (so the
 * demo password follows DEMO_PASSWORD), the demo content is written only into an empty account.
 * With `psaSimulator`, the demo tenant's PSA connection points at it on every run.
 */
export async function seedDemo(db: Db, password = process.env.DEMO_PASSWORD || "flowpilot-demo", options: SeedOptions = {}): Promise<void> {
  // The seed writes two tenants before anyone can sign in: the one system context that writes.
  await runInSystemScope("seed", () => seedAccounts(db, password, options));
}

async function seedAccounts(db: Db, password: string, options: SeedOptions) {
  const passwordHash = await hashPassword(password);
  for (const account of [demoAccount, otherAccount]) {
    await db.account.upsert({ where: { id: account.id }, create: account, update: { name: account.name } });
  }
  for (const user of Object.values(demoUsers)) {
    const deletedAt = user.id === demoUsers.removed.id ? minutesAgo(60 * 24 * 7) : null;
    await upsertUser(db, demoAccount.id, { ...user, deletedAt }, passwordHash);
  }
  for (const user of Object.values(otherUsers)) await upsertUser(db, otherAccount.id, { ...user, deletedAt: null }, passwordHash);

  if ((await db.aiSession.count({ where: { accountId: demoAccount.id } })) === 0) {
    await db.$transaction(async (tx) => {
      await seedDemoContent(tx);
      await seedEscalationHistory(tx);
    });
  }
  // Its own guard, so a database seeded before the history existed gains it too.
  await db.$transaction((tx) => seedResolvedHistory(tx), { timeout: 30_000 });
  if ((await db.aiSession.count({ where: { accountId: otherAccount.id } })) === 0) {
    await db.aiSession.create({
      data: {
        id: otherSessions.active,
        accountId: otherAccount.id,
        userId: otherUsers.owner.id,
        title: "Other MSP: VPN drops every hour",
        companyName: "Elsewhere Ltd",
      },
    });
  }
  if (options.psaSimulator) await seedDemoPsa(db, options.psaSimulator);
}

async function upsertUser(db: Db, accountId: string, user: SeedUser, passwordHash: string) {
  await db.user.upsert({
    where: { id: user.id },
    create: { ...user, accountId, passwordHash },
    update: { email: user.email, name: user.name, role: user.role, passwordHash, deletedAt: user.deletedAt },
  });
}

async function seedDemoContent(db: Tx) {
  const accountId = demoAccount.id;
  const junior = demoUsers.junior.id;

  await db.accountSettings.upsert({
    where: { accountId },
    create: { accountId, preferences: { templatize_prompt_enabled: true } },
    update: {},
  });

  await createSession(db, {
    id: demoSessions.active,
    title: "Outlook prompts for a password every few minutes",
    companyName: "Northwind Dental",
    psaTicketId: "48233",
    stateVersion: 3,
    createdAt: minutesAgo(45),
    conversation: [
      ["engineer_message", "User at reception says Outlook keeps asking for her password since this morning."],
      ["assistant_message", "Let's narrow it down. Does the prompt appear in Outlook on the web as well, or only the desktop app?"],
      ["engineer_message", "Only the desktop app. Webmail works fine."],
    ],
    facts: [
      { text: "Password prompt appears only in Outlook desktop; Outlook on the web signs in normally.", sourceKind: "engineer_note" },
      { text: "Problem started this morning after the overnight Windows update.", sourceKind: "ai_promote" },
    ],
    taskLane: {
      questions: [{ id: "3a000000-0000-4000-8000-000000000001", text: "Did the user change her password recently?", status: "open" }],
      actions: [{ id: "3a000000-0000-4000-8000-000000000002", label: "Check Credential Manager for stale Office entries", status: "open" }],
    },
    fix: {
      title: "Clear cached Office credentials and re-authenticate",
      description: "Remove the stale MicrosoftOffice16 entries from Credential Manager, then restart Outlook and sign in once.",
      confidence: 72,
      aiDraftedScript: "cmdkey /list | Select-String 'MicrosoftOffice16' | ForEach-Object { cmdkey /delete:($_ -split 'target=')[1] }",
    },
  });

  await createSession(db, {
    id: demoSessions.parked,
    title: "Shared printer offline on the second floor",
    companyName: "Contoso Legal",
    status: "parked",
    createdAt: minutesAgo(60 * 5),
    conversation: [["engineer_message", "Printer shows offline for everyone on floor two; waiting for the client to power-cycle it."]],
    facts: [{ text: "Printer responds to ping from the print server.", sourceKind: "engineer_note" }],
  });

  await createSession(db, {
    id: demoSessions.escalated,
    title: "Azure AD Connect sync failing after certificate renewal",
    companyName: "Fabrikam Logistics",
    psaTicketId: "48251",
    status: "escalated",
    escalationReason: "Sync errors persist after re-running the wizard; needs someone who knows the tenant's federation setup.",
    escalatedAt: minutesAgo(12),
    escalationPackageMarkdown:
      "## Problem\nDirectory sync has failed since the certificate renewal.\n\n## What we've confirmed\n- The new certificate is installed on the sync server.\n\n## What we've tried\n- Re-ran the configuration wizard.\n\n## Current hypothesis\nThe federation trust still references the old certificate.\n\n## Suggested next steps\n- Compare the relying-party trust thumbprint with the new certificate.",
    createdAt: minutesAgo(90),
    conversation: [
      ["engineer_message", "Sync service logs show stopped-extension-dll-exception since the renewal."],
      ["assistant_message", "That error usually points at the connector's credentials or trust. Can you check the relying party trust?"],
    ],
    facts: [{ text: "The renewed certificate is installed in the local machine store on the sync server.", sourceKind: "engineer_note" }],
    handoff: { minutesAgo: 12 },
  });

  await createSession(db, {
    id: demoSessions.requestingEscalation,
    title: "Backup job stuck at 0% on the file server",
    companyName: "Northwind Dental",
    status: "requesting_escalation",
    escalationReason: "Vendor support case needed; beyond first-line scope.",
    escalatedAt: minutesAgo(30),
    createdAt: minutesAgo(120),
    conversation: [["engineer_message", "Backup agent reports the job started but never progresses."]],
    facts: [{ text: "The backup agent service is running.", sourceKind: "engineer_note" }],
    handoff: { minutesAgo: 30 },
  });

  await createSession(db, {
    id: demoSessions.resolved,
    title: "Local admin locked out of a kiosk PC",
    companyName: "Contoso Legal",
    psaTicketId: "48210",
    status: "resolved",
    resolvedAt: minutesAgo(60 * 24),
    resolutionNoteMarkdown:
      "## Problem\nThe kiosk's local admin account was locked out.\n\n## What we confirmed\n- The account existed and was locked.\n\n## Root cause\nAn expired password on the local account.\n\n## Resolution\nReset the password with the team script; the kiosk signs in again.",
    createdAt: minutesAgo(60 * 26),
    conversation: [["engineer_message", "Kiosk PC rejects the local admin password."]],
    facts: [{ text: "Local admin password had expired.", sourceKind: "engineer_note" }],
    fix: {
      title: "Reset the local admin password",
      description: "Use the team's password reset script, then confirm sign-in at the kiosk.",
      confidence: 90,
      status: "applied_success",
    },
  });

  // The kiosk fix was the team's password reset; that template came out of this session.
  const library = await seedScriptLibrary(db);
  await db.sessionSuggestedFix.updateMany({
    where: { sessionId: demoSessions.resolved },
    data: { templateId: library.templates.localPassword },
  });

  await db.draftTemplate.create({
    data: {
      accountId,
      sessionId: demoSessions.resolved,
      userId: junior,
      name: "Unlock and reset a kiosk account",
      description: "Drafted from the kiosk lockout fix.",
      language: "powershell",
      originalScript: "Unlock-LocalUser -Name kiosk-admin",
      templatedBody: "Unlock-LocalUser -Name {{username}}",
      proposedParameters: [{ name: "username", label: "Account name", type: "text", required: true, sensitive: false }],
    },
  });
}

type SessionSeed = {
  id: string;
  title: string;
  companyName: string;
  psaTicketId?: string;
  status?: "active" | "parked" | "escalated" | "requesting_escalation" | "resolved";
  stateVersion?: number;
  createdAt: Date;
  escalationReason?: string;
  escalatedAt?: Date;
  escalationPackageMarkdown?: string;
  resolvedAt?: Date;
  resolutionNoteMarkdown?: string;
  conversation: [kind: "engineer_message" | "assistant_message", content: string][];
  facts: { text: string; sourceKind: "engineer_note" | "ai_promote" }[];
  taskLane?: object;
  fix?: {
    title: string;
    description: string;
    confidence: number;
    aiDraftedScript?: string;
    templateId?: string;
    status?: "applied_success";
  };
  /** An open escalation; its reason is `escalationReason`, so the queue and the handoff screen read the same words. */
  handoff?: { minutesAgo: number };
};

async function createSession(db: Tx, seed: SessionSeed) {
  const accountId = demoAccount.id;
  const userId = demoUsers.junior.id;
  const { conversation, facts, fix, handoff, taskLane, ...fields } = seed;
  await db.aiSession.create({
    data: {
      ...fields,
      accountId,
      userId,
      psaTicketRef: seed.psaTicketId ? `CW #${seed.psaTicketId}` : null,
      pendingTaskLane: taskLane ?? {},
    },
  });
  await db.aiSessionStep.createMany({
    data: conversation.map(([kind, content], index) => ({
      accountId,
      sessionId: seed.id,
      userId: kind === "engineer_message" ? userId : null,
      kind,
      content,
      createdAt: new Date(seed.createdAt.getTime() + index * 60_000),
    })),
  });
  await db.sessionFact.createMany({
    data: facts.map((fact) => ({ ...fact, accountId, sessionId: seed.id, createdById: userId })),
  });
  if (fix) {
    const applied = fix.status === "applied_success" ? { appliedAt: seed.resolvedAt, verifiedAt: seed.resolvedAt } : {};
    await db.sessionSuggestedFix.create({ data: { ...fix, ...applied, accountId, sessionId: seed.id } });
  }
  if (handoff) await createEscalation(db, { sessionId: seed.id, title: seed.title, reason: seed.escalationReason ?? "Needs a senior", minutesAgo: handoff.minutesAgo });
}

type EscalationSeed = { sessionId: string; title: string; reason: string; minutesAgo: number };

/** An unclaimed escalation: the handoff row plus a bell notification for each eligible teammate, as an escalation writes them. */
async function createEscalation(db: Tx, { sessionId, title, reason, minutesAgo: age }: EscalationSeed) {
  const accountId = demoAccount.id;
  const createdAt = minutesAgo(age);
  const row = await db.sessionHandoff.create({
    data: { accountId, sessionId, intent: "escalate", reason, fromUserId: demoUsers.junior.id, createdAt },
  });
  const recipients = [demoUsers.owner, demoUsers.admin, demoUsers.senior];
  await db.appNotification.createMany({
    data: recipients.map((recipient) => ({
      accountId,
      userId: recipient.id,
      type: "session.escalated",
      title: `${demoUsers.junior.name} escalated “${title}”`,
      body: reason,
      // What pickupPath (lib/notifications/outbox.ts) writes; not imported, so seeding needs no app env.
      link: `/pilot/${sessionId}?pickup=true&from=escalations`,
      sessionId,
      handoffId: row.id,
      createdAt,
    })),
  });
}

async function main() {
  const { db } = await import("@/lib/db");
  await seedDemo(db);
  await db.$disconnect();
  console.log("Seeded the demo MSP.");
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
