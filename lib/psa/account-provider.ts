import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { createPsaProvider } from "@/lib/psa/create-provider";
import type { PsaProvider } from "@/lib/psa/provider";
import { openSecret } from "@/lib/crypto/secret-box";

export const NOT_CONNECTED = "This account has no PSA connection yet. An owner or admin can connect ConnectWise in Settings → PSA.";

/**
 * The PSA provider of `accountId`'s own active connection, or null when it has none. Built per
 * call from that account's row, so one tenant's credentials can never serve another's request.
 */
export async function loadPsaProvider(accountId: string): Promise<PsaProvider | null> {
  const connection = await db.psaConnection.findFirst({
    where: { accountId, isActive: true },
    select: { provider: true, siteUrl: true, companyId: true, clientId: true, publicKeyEncrypted: true, privateKeyEncrypted: true },
  });
  if (!connection) return null;
  return createPsaProvider({
    provider: connection.provider,
    siteUrl: connection.siteUrl,
    companyId: connection.companyId,
    clientId: connection.clientId,
    publicKey: openSecret(connection.publicKeyEncrypted),
    privateKey: openSecret(connection.privateKeyEncrypted),
  });
}

/** As `loadPsaProvider`, but throws conflict (409) with what to do when the account isn't connected. */
export async function requirePsaProvider(accountId: string): Promise<PsaProvider> {
  const provider = await loadPsaProvider(accountId);
  if (!provider) throw conflict(NOT_CONNECTED);
  return provider;
}
