import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
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
  const settings = await client.accountSettings.findUnique({ where: { accountId }, select: { preferences: true } });
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

/**
 * Merges `patch` into the account's preferences in one statement (jsonb `||`), so keys the client
 * did not send are kept and concurrent writers of different keys never undo each other.
 */
export async function updatePreferences(viewer: Viewer, patch: UpdatePreferencesInput): Promise<AccountPreferences> {
  const json = JSON.stringify(patch);
  await db.$executeRaw`
    INSERT INTO account_settings (account_id, preferences, updated_at)
    VALUES (${viewer.accountId}::uuid, ${json}::jsonb, now())
    ON CONFLICT (account_id)
    DO UPDATE SET preferences = account_settings.preferences || EXCLUDED.preferences, updated_at = now()`;
  return getPreferences(viewer);
}
