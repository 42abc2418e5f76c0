import type { PsaProviderKind } from "@/lib/psa/provider";
import { openSecret } from "@/lib/crypto/secret-box";

/** The stored row as the connection service reads it (keys still sealed). */
export type SealedConnectionRow = {
  provider: PsaProviderKind;
  siteUrl: string;
  companyId: string;
  clientId: string;
  publicKeyEncrypted: string;
  privateKeyEncrypted: string;
  isActive: boolean;
  lastTestedAt: Date | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
  updatedAt: Date;
};

export const sealedConnectionSelect = {
  provider: true,
  siteUrl: true,
  companyId: true,
  clientId: true,
  publicKeyEncrypted: true,
  privateKeyEncrypted: true,
  isActive: true,
  lastTestedAt: true,
  lastTestOk: true,
  lastTestMessage: true,
  updatedAt: true,
} as const;

/** How the last "Test connection" went, for everyone who may see the connection at all. */
export type PsaConnectionStatus = {
  provider: PsaProviderKind;
  site_url: string;
  is_active: boolean;
  last_tested_at: string | null;
  last_test_ok: boolean | null;
  last_test_message: string | null;
};

/**
 * The connection as owners and admins see it (`GET /api/v1/psa/connection`): the keys only as
 * their last 4 characters (null, with `keys_readable: false`, when PSA_ENCRYPTION_KEY changed
 * since they were stored and they must be entered again).
 */
export type PsaConnectionView = PsaConnectionStatus & {
  company_id: string;
  client_id: string;
  public_key_last4: string | null;
  private_key_last4: string | null;
  keys_readable: boolean;
  updated_at: string;
};

export function toConnectionStatus(row: Pick<SealedConnectionRow, "provider" | "siteUrl" | "isActive" | "lastTestedAt" | "lastTestOk" | "lastTestMessage">): PsaConnectionStatus {
  return {
    provider: row.provider,
    site_url: row.siteUrl,
    is_active: row.isActive,
    last_tested_at: row.lastTestedAt?.toISOString() ?? null,
    last_test_ok: row.lastTestOk,
    last_test_message: row.lastTestMessage,
  };
}

function lastFourOf(sealed: string): string | null {
  try {
    return openSecret(sealed).slice(-4);
  } catch {
    return null;
  }
}

export function toConnectionView(row: SealedConnectionRow): PsaConnectionView {
  const publicLast4 = lastFourOf(row.publicKeyEncrypted);
  const privateLast4 = lastFourOf(row.privateKeyEncrypted);
  return {
    ...toConnectionStatus(row),
    company_id: row.companyId,
    client_id: row.clientId,
    public_key_last4: publicLast4,
    private_key_last4: privateLast4,
    keys_readable: publicLast4 !== null && privateLast4 !== null,
    updated_at: row.updatedAt.toISOString(),
  };
}
