import type { Db } from "@/lib/db";
import { sealSecret } from "@/lib/crypto/secret-box";
import { demoAccount } from "./seed-data";

/** The ConnectWise simulator `npm run dev` started, as the demo tenant's PSA. */
export type DemoPsaSimulator = {
  url: string;
  credentials: { companyId: string; publicKey: string; privateKey: string; clientId: string };
  /** The simulator's Help Desk "Resolved" and "Escalated" statuses, the demo's target statuses. */
  resolvedStatusId: number;
  escalatedStatusId: number;
};

/** A site only the local simulator can be: http on a loopback address. */
export function isSimulatorSite(siteUrl: string): boolean {
  try {
    const url = new URL(siteUrl);
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Points the demo tenant's PSA connection at the simulator (its port can change between boots,
 * so this runs on every boot). A connection someone set to a real site is left alone. Sets the
 * demo's resolved/escalated target statuses only where the preference was never set. Returns whether the demo
 * tenant now uses the simulator.
 */
export async function seedDemoPsa(db: Db, sim: DemoPsaSimulator): Promise<boolean> {
  const accountId = demoAccount.id;
  const existing = await db.psaConnection.findFirst({ where: { accountId }, select: { siteUrl: true } });
  if (existing && !isSimulatorSite(existing.siteUrl)) return false;

  const fields = {
    provider: "connectwise" as const,
    siteUrl: sim.url,
    companyId: sim.credentials.companyId,
    clientId: sim.credentials.clientId,
    publicKeyEncrypted: sealSecret(sim.credentials.publicKey),
    privateKeyEncrypted: sealSecret(sim.credentials.privateKey),
    isActive: true,
  };
  const moved = existing !== null && existing.siteUrl !== sim.url;
  await db.psaConnection.upsert({
    where: { accountId },
    create: { accountId, ...fields },
    // A test result from another port said nothing about this one.
    update: moved ? { ...fields, lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : fields,
  });

  // Defaults under the stored keys: a status someone picked, or cleared (null), in Settings stays.
  const defaults = JSON.stringify({ cw_resolved_status_id: sim.resolvedStatusId, cw_escalated_status_id: sim.escalatedStatusId });
  await db.$executeRaw`
    INSERT INTO account_settings (account_id, preferences, updated_at)
    VALUES (${accountId}::uuid, ${defaults}::jsonb, now())
    ON CONFLICT (account_id)
    DO UPDATE SET preferences = ${defaults}::jsonb || account_settings.preferences, updated_at = now()`;
  return true;
}

/** The demo tenant's PSA site when someone pointed it somewhere other than a simulator, else null. */
export async function demoPsaSiteElsewhere(db: Db): Promise<string | null> {
  const existing = await db.psaConnection.findFirst({ where: { accountId: demoAccount.id }, select: { siteUrl: true } });
  return existing && !isSimulatorSite(existing.siteUrl) ? existing.siteUrl : null;
}
