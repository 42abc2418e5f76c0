import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { changedPreferences, preferenceAuditEntries, type PreferenceChange } from "@/lib/audit/preference-audit";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import {
  accountPreferences,
  preferenceDefaults,
  preferenceShape,
  type AccountPreferences,
  type UpdatePreferencesInput,
} from "@/lib/accounts/schemas";

/** Reads stored values over the defaults; a stored value of the wrong shape falls back to its default. */
function withDefaults(stored: unknown): AccountPreferences {
  const values = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...preferenceDefaults };
  for (const [key, schema] of Object.entries(preferenceShape)) {
    const parsed = schema.safeParse(values[key]);
    if (key in values && parsed.success) merged[key] = parsed.data;
  }
  return accountPreferences.parse(merged);
}

/**
 * An account's preferences with defaults filled in, unredacted, for services that act on them
 * (notification fan-out); pass a transaction to read inside it.
 */
export async function readAccountPreferences(accountId: string, client: Pick<Tx, "accountSettings"> = db): Promise<AccountPreferences> {
  const settings = await client.accountSettings.findFirst({ where: { accountId }, select: { preferences: true } });
  return withDefaults(settings?.preferences);
}

/** A webhook URL is a credential: whoever holds it can post to the channel. */
function redactWebhook(url: string | null): string | null {
  return url ? `${new URL(url).origin}/redacted` : null;
}

/** The viewer's account preferences, defaults filled in; webhook URLs are shown only to owners and admins. */
export async function getPreferences(viewer: Viewer): Promise<AccountPreferences> {
  const preferences = await readAccountPreferences(viewer.accountId);
  if (roleAllows("ownerOrAdmin", viewer.role)) return preferences;
  return {
    ...preferences,
    slack_webhook_url: redactWebhook(preferences.slack_webhook_url),
    teams_webhook_url: redactWebhook(preferences.teams_webhook_url),
  };
}

export type UpdatePreferencesOptions = {
  /** Describes the change as one audit event of the caller's (a status target); default: channels/preferences events. */
  auditAs?: (change: PreferenceChange) => AuditEntry;
};

/** Creates the settings row if there is none, locks it, and returns what it holds. */
async function lockPreferences(tx: Tx, accountId: string): Promise<unknown> {
  // DO UPDATE (not DO NOTHING) so the row is locked and returned even when it already exists.
  const [row] = await tx.$queryRaw<{ preferences: unknown }[]>`
    INSERT INTO account_settings (account_id, preferences, updated_at)
    VALUES (${accountId}::uuid, '{}'::jsonb, now())
    ON CONFLICT (account_id) DO UPDATE SET updated_at = account_settings.updated_at
    RETURNING preferences`;
  return row?.preferences;
}

/**
 * Merges `patch` into the account's preferences (jsonb `||`), so keys the client did not send are
 * kept and concurrent writers of different keys never undo each other. The row is locked for the
 * write, so the audit event of the change (only keys whose value changed; webhook URLs as their
 * host) records what each writer really replaced, and commits with it.
 */
export async function updatePreferences(viewer: Viewer, patch: UpdatePreferencesInput, options: UpdatePreferencesOptions = {}): Promise<AccountPreferences> {
  const json = JSON.stringify(patch);
  await db.$transaction(
    async (tx) => {
      const current = withDefaults(await lockPreferences(tx, viewer.accountId));
      await tx.$executeRaw`
        UPDATE account_settings SET preferences = preferences || ${json}::jsonb, updated_at = now()
        WHERE account_id = ${viewer.accountId}::uuid`;
      const change = changedPreferences(current, patch);
      if (!change) return;
      const entries = options.auditAs ? [options.auditAs(change)] : preferenceAuditEntries(change);
      for (const entry of entries) await recordAudit(viewer, entry, tx);
    },
    { timeout: 10_000 },
  );
  return getPreferences(viewer);
}
