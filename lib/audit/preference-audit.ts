import type { AccountPreferences, UpdatePreferencesInput } from "@/lib/accounts/schemas";
import type { AuditEntry } from "@/lib/audit/record-audit";

type PreferenceKey = keyof AccountPreferences;
type AuditValue = string | number | boolean | null;

/** The chat-channel keys: their change is `channels.updated`, and their values are credentials. */
export const webhookKeys: readonly PreferenceKey[] = ["slack_webhook_url", "teams_webhook_url"];

/** The before and after values of the keys a patch really changed (webhook URLs as their host only). */
export type PreferenceChange = { before: Record<string, AuditValue>; after: Record<string, AuditValue> };

/** Whoever holds a webhook URL can post to the channel, so the audit keeps only its host. */
function webhookHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return "unreadable URL";
  }
}

function auditValue(key: PreferenceKey, value: AccountPreferences[PreferenceKey]): AuditValue {
  return webhookKeys.includes(key) ? webhookHost(value as string | null) : value;
}

/** The keys of `patch` whose value differs from `current`, as audit before/after; null when none. */
export function changedPreferences(current: AccountPreferences, patch: UpdatePreferencesInput): PreferenceChange | null {
  const change: PreferenceChange = { before: {}, after: {} };
  for (const [key, value] of Object.entries(patch) as [PreferenceKey, AccountPreferences[PreferenceKey]][]) {
    if (value === undefined || current[key] === value) continue;
    change.before[key] = auditValue(key, current[key]);
    change.after[key] = auditValue(key, value);
  }
  return Object.keys(change.after).length > 0 ? change : null;
}

function pick(change: PreferenceChange, keys: string[]): PreferenceChange {
  return {
    before: Object.fromEntries(keys.map((key) => [key, change.before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, change.after[key] ?? null])),
  };
}

/**
 * The audit events of one preferences write: `channels.updated` for the webhook keys and
 * `preferences.updated` for the rest, each with only its own keys.
 */
export function preferenceAuditEntries(change: PreferenceChange): AuditEntry[] {
  const keys = Object.keys(change.after);
  const channelKeys = keys.filter((key) => webhookKeys.includes(key as PreferenceKey));
  const otherKeys = keys.filter((key) => !channelKeys.includes(key));
  const entries: AuditEntry[] = [];
  if (channelKeys.length > 0) entries.push({ action: "channels.updated", targetType: "chat_channels", ...pick(change, channelKeys) });
  if (otherKeys.length > 0) entries.push({ action: "preferences.updated", targetType: "preferences", ...pick(change, otherKeys) });
  return entries;
}
