import { beforeAll, describe, expect, it, vi } from "vitest";

// The dev boot allow-lists the simulator's loopback host for the app; this test does the same.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { readAccountPreferences, updatePreferences } = await import("@/lib/accounts/preferences");
const { requirePsaProvider } = await import("@/lib/psa/account-provider");
const { openSecret } = await import("@/lib/crypto/secret-box");
const { seedDemo } = await import("@/prisma/seed");
const { demoAccount, demoSessions, demoUsers } = await import("@/prisma/seed-data");
const { isSimulatorSite } = await import("@/prisma/seed-psa");
const { DEMO_SIMULATOR_CREDENTIALS, SIM_STATUS, startConnectWiseSimulator } = await import("@/tests/fakes/connectwise/simulator");
const { installFake } = await import("@/tests/helpers/install-fake");

const sim = installFake("ConnectWise simulator", () => startConnectWiseSimulator(), () => ({}));

const simulatorFor = (url: string) => ({
  url,
  credentials: DEMO_SIMULATOR_CREDENTIALS,
  resolvedStatusId: SIM_STATUS.helpDesk.resolved,
  escalatedStatusId: SIM_STATUS.helpDesk.escalated,
});

const demoConnection = () =>
  db.psaConnection.findUniqueOrThrow({ where: { accountId: demoAccount.id }, select: { siteUrl: true, companyId: true, publicKeyEncrypted: true, privateKeyEncrypted: true, lastTestOk: true } });

const demoOwner = { userId: demoUsers.owner.id, accountId: demoAccount.id, role: "owner" as const, email: demoUsers.owner.email, name: demoUsers.owner.name };

beforeAll(async () => {
  await seedDemo(db, "seed-psa-password", { psaSimulator: simulatorFor(sim().url) });
}, 120_000);

describe("seedDemo with the dev simulator", () => {
  it("connects the demo tenant to the simulator with its keys sealed", async () => {
    const row = await demoConnection();
    expect(row.siteUrl).toBe(sim().url);
    expect(row.companyId).toBe(DEMO_SIMULATOR_CREDENTIALS.companyId);
    expect(row.privateKeyEncrypted).not.toContain(DEMO_SIMULATOR_CREDENTIALS.privateKey);
    expect(openSecret(row.privateKeyEncrypted)).toBe(DEMO_SIMULATOR_CREDENTIALS.privateKey);
    expect(openSecret(row.publicKeyEncrypted)).toBe(DEMO_SIMULATOR_CREDENTIALS.publicKey);
  });

  it("gives the demo the Help Desk Resolved/Escalated targets, and the seeded sessions' tickets exist there", async () => {
    expect(await readAccountPreferences(demoAccount.id)).toMatchObject({ cw_resolved_status_id: 105, cw_escalated_status_id: 104, templatize_prompt_enabled: true });
    const provider = await requirePsaProvider(demoAccount.id);
    const linked = await db.aiSession.findMany({ where: { id: { in: Object.values(demoSessions) }, psaTicketId: { not: null } }, select: { psaTicketId: true } });
    expect(linked.map((session) => session.psaTicketId).sort()).toEqual(["48210", "48233", "48251"]);
    for (const { psaTicketId } of linked) expect((await provider.getTicket(psaTicketId!)).id).toBe(psaTicketId);
  });

  it("follows the simulator to a new port on the next boot, keeping statuses someone picked", async () => {
    await updatePreferences(demoOwner, { cw_resolved_status_id: SIM_STATUS.escalations.resolved, cw_escalated_status_id: null });
    await db.psaConnection.update({ where: { accountId: demoAccount.id }, data: { lastTestOk: true } });
    await seedDemo(db, "seed-psa-password", { psaSimulator: simulatorFor("http://127.0.0.1:4999") });
    expect(await demoConnection()).toMatchObject({ siteUrl: "http://127.0.0.1:4999", lastTestOk: null });
    expect(await readAccountPreferences(demoAccount.id)).toMatchObject({ cw_resolved_status_id: 203, cw_escalated_status_id: null });
    await seedDemo(db, "seed-psa-password", { psaSimulator: simulatorFor(sim().url) });
    expect((await demoConnection()).siteUrl).toBe(sim().url);
  });

  it("never overwrites a connection someone pointed at a real ConnectWise", async () => {
    await db.psaConnection.update({ where: { accountId: demoAccount.id }, data: { siteUrl: "https://api-na.myconnectwise.net", companyId: "realmsp" } });
    await seedDemo(db, "seed-psa-password", { psaSimulator: simulatorFor(sim().url) });
    expect(await demoConnection()).toMatchObject({ siteUrl: "https://api-na.myconnectwise.net", companyId: "realmsp" });
  });
});

describe("isSimulatorSite", () => {
  it("is true only for http on a loopback host", () => {
    expect(isSimulatorSite("http://127.0.0.1:4310")).toBe(true);
    expect(isSimulatorSite("http://localhost:4310")).toBe(true);
    expect(isSimulatorSite("https://127.0.0.1:4310")).toBe(false);
    expect(isSimulatorSite("https://api-na.myconnectwise.net")).toBe(false);
    expect(isSimulatorSite("not a url")).toBe(false);
  });
});
