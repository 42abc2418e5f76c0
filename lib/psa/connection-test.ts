import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, conflict } from "@/lib/errors";
import { NOT_CONNECTED } from "@/lib/psa/account-provider";
import type { PsaClientOptions } from "@/lib/psa/connection-config";
import { sealedConnectionSelect, toConnectionView, type PsaConnectionView } from "@/lib/psa/connection-view";
import { createPsaProvider } from "@/lib/psa/create-provider";
import { openSecret } from "@/lib/crypto/secret-box";

const MAX_MESSAGE = 500;

/** Defence in depth: whatever a failure says, the keys it was made with never get stored or logged. */
export function redactSecrets(message: string, secrets: readonly string[]): string {
  let redacted = message;
  for (const secret of secrets) if (secret) redacted = redacted.split(secret).join("••••");
  return redacted;
}

/** A failure in words for the person who pressed "Test connection": the PSA's own message when it gave one. */
function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof Error && error.message) return `The test could not reach the PSA: ${error.message}`;
  return "The test failed for an unknown reason; check the site URL and try again.";
}

/**
 * "Test connection": makes the provider's harmless authenticated read with the stored keys and
 * records when, whether it worked and the PSA's message on the connection, then returns it. A
 * failed test is a result, not an error. The result is recorded only if the connection still has
 * the credentials that were tested (a save in between wins). Throws conflict (409) when the
 * account has no connection; keys that can't be decrypted are a failed test saying so.
 */
export async function testPsaConnection(viewer: Viewer, options: PsaClientOptions = {}): Promise<PsaConnectionView> {
  const row = await db.psaConnection.findFirst({ where: { accountId: viewer.accountId }, select: { id: true, ...sealedConnectionSelect } });
  if (!row) throw conflict(NOT_CONNECTED);
  const secrets: string[] = [];

  let ok: boolean;
  let message: string;
  try {
    const publicKey = openSecret(row.publicKeyEncrypted);
    const privateKey = openSecret(row.privateKeyEncrypted);
    secrets.push(privateKey, publicKey);
    const provider = createPsaProvider(
      { provider: row.provider, siteUrl: row.siteUrl, companyId: row.companyId, clientId: row.clientId, publicKey, privateKey },
      options,
    );
    ({ message } = await provider.testConnection());
    ok = true;
  } catch (error) {
    ok = false;
    message = failureMessage(error);
  }
  message = redactSecrets(message, secrets).slice(0, MAX_MESSAGE);

  await db.psaConnection.updateMany({
    where: {
      id: row.id,
      siteUrl: row.siteUrl,
      companyId: row.companyId,
      clientId: row.clientId,
      publicKeyEncrypted: row.publicKeyEncrypted,
      privateKeyEncrypted: row.privateKeyEncrypted,
    },
    data: { lastTestedAt: new Date(), lastTestOk: ok, lastTestMessage: message },
  });
  const log = { event: ok ? "psa.connection_test_ok" : "psa.connection_test_failed", account_id: viewer.accountId, site_url: row.siteUrl, message };
  if (ok) console.info(JSON.stringify(log));
  else console.warn(JSON.stringify(log));

  const current = await db.psaConnection.findFirst({ where: { accountId: viewer.accountId }, select: sealedConnectionSelect });
  if (!current) throw conflict(NOT_CONNECTED);
  return toConnectionView(current);
}
