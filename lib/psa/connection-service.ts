import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { SavePsaConnectionInput } from "@/lib/psa/connection-schemas";
import {
  sealedConnectionSelect,
  toConnectionStatus,
  toConnectionView,
  type PsaConnectionStatus,
  type PsaConnectionView,
  type SealedConnectionRow,
} from "@/lib/psa/connection-view";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";

export type { PsaConnectionStatus, PsaConnectionView };

/** Owners and admins: the account's PSA connection with the keys as their last 4 characters, or null. */
export async function getPsaConnection(viewer: Viewer): Promise<PsaConnectionView | null> {
  const row = await db.psaConnection.findFirst({ where: { accountId: viewer.accountId }, select: sealedConnectionSelect });
  return row ? toConnectionView(row) : null;
}

/** Everyone signed in: whether the account is connected and how the last test went; no keys, no ids. */
export async function getPsaConnectionStatus(viewer: Viewer): Promise<PsaConnectionStatus | null> {
  const row = await db.psaConnection.findFirst({
    where: { accountId: viewer.accountId },
    select: { provider: true, siteUrl: true, isActive: true, lastTestedAt: true, lastTestOk: true, lastTestMessage: true },
  });
  return row ? toConnectionStatus(row) : null;
}

/** The stored key when the input leaves it blank; refuses when there is none to keep. */
function keptKey(existing: SealedConnectionRow | null, which: "public" | "private"): { sealed: string; plain: string } {
  const sealed = which === "public" ? existing?.publicKeyEncrypted : existing?.privateKeyEncrypted;
  if (!sealed) throw invalid(`Enter the ${which} API key: there is no stored key to keep yet.`);
  try {
    return { sealed, plain: openSecret(sealed) };
  } catch {
    throw invalid(`The stored ${which} API key can't be decrypted with the current PSA_ENCRYPTION_KEY; enter it again.`);
  }
}

/** What the audit trail keeps of a connection: never a key, only its last 4 characters. */
function auditSnapshot(row: SealedConnectionRow) {
  const view = toConnectionView(row);
  return {
    site_url: view.site_url,
    company_id: view.company_id,
    client_id: view.client_id,
    is_active: view.is_active,
    public_key_last4: view.public_key_last4,
    private_key_last4: view.private_key_last4,
  };
}

function storedPlain(sealed: string | undefined): string | null {
  if (!sealed) return null;
  try {
    return openSecret(sealed);
  } catch {
    return null;
  }
}

/**
 * PUT: creates or replaces the account's connection (is_active). Keys are sealed with
 * PSA_ENCRYPTION_KEY; a blank or missing key on an update keeps the stored one. When anything
 * the PSA authenticates with changes (site, company, client id, a key), the last test result is
 * cleared; when the site or company changes, every user's member mapping is cleared too (member
 * ids belong to the old PSA). A save that changes anything is audited as `psa.connection_saved`
 * (keys as their last 4). Throws invalid (422) when a key is missing and none is stored.
 */
export async function savePsaConnection(viewer: Viewer, input: SavePsaConnectionInput): Promise<PsaConnectionView> {
  const accountId = viewer.accountId;
  const existing = await db.psaConnection.findFirst({ where: { accountId }, select: sealedConnectionSelect });
  const publicKey = input.public_key ? { sealed: sealSecret(input.public_key), plain: input.public_key } : keptKey(existing, "public");
  const privateKey = input.private_key ? { sealed: sealSecret(input.private_key), plain: input.private_key } : keptKey(existing, "private");

  const sameSite = existing !== null && existing.siteUrl === input.site_url && existing.companyId === input.company_id;
  const sameCredentials =
    sameSite &&
    existing.clientId === input.client_id &&
    storedPlain(existing.publicKeyEncrypted) === publicKey.plain &&
    storedPlain(existing.privateKeyEncrypted) === privateKey.plain;

  const fields = {
    provider: input.provider,
    siteUrl: input.site_url,
    companyId: input.company_id,
    clientId: input.client_id,
    publicKeyEncrypted: publicKey.sealed,
    privateKeyEncrypted: privateKey.sealed,
    isActive: true,
    ...(sameCredentials ? {} : { lastTestedAt: null, lastTestOk: null, lastTestMessage: null }),
  };
  const changed = existing === null || !sameCredentials || !existing.isActive;
  const row = await db.$transaction(
    async (tx) => {
      if (!sameSite) await tx.user.updateMany({ where: { accountId }, data: { psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false } });
      const saved = await tx.psaConnection.upsert({ where: { accountId }, create: { accountId, ...fields }, update: fields, select: sealedConnectionSelect });
      if (changed) {
        const before = existing ? auditSnapshot(existing) : null;
        await recordAudit(viewer, { action: "psa.connection_saved", targetType: "psa_connection", targetId: saved.provider, before, after: auditSnapshot(saved) }, tx);
      }
      return saved;
    },
    { timeout: 10_000 },
  );
  console.info(
    JSON.stringify({
      event: "psa.connection_saved",
      account_id: accountId,
      user_id: viewer.userId,
      site_url: row.siteUrl,
      created: existing === null,
      keys_replaced: { public: Boolean(input.public_key), private: Boolean(input.private_key) },
      test_result_cleared: !sameCredentials,
    }),
  );
  return toConnectionView(row);
}

/**
 * DELETE: removes the account's connection (if any) and every user's member mapping, audited as
 * `psa.connection_deleted` with what was removed. Idempotent: deleting nothing records nothing.
 */
export async function deletePsaConnection(viewer: Viewer): Promise<{ deleted: boolean }> {
  const accountId = viewer.accountId;
  const removed = await db.$transaction(
    async (tx) => {
      const existing = await tx.psaConnection.findFirst({ where: { accountId }, select: sealedConnectionSelect });
      const { count } = await tx.psaConnection.deleteMany({ where: { accountId } });
      await tx.user.updateMany({ where: { accountId }, data: { psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false } });
      if (count > 0 && existing) {
        await recordAudit(viewer, { action: "psa.connection_deleted", targetType: "psa_connection", targetId: existing.provider, before: auditSnapshot(existing), after: null }, tx);
      }
      return count;
    },
    { timeout: 10_000 },
  );
  if (removed > 0) console.info(JSON.stringify({ event: "psa.connection_deleted", account_id: accountId, user_id: viewer.userId }));
  return { deleted: removed > 0 };
}
