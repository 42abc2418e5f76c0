/** How Settings → Audit names the preference keys (the Settings page's own labels, shortened). */
export const preferenceLabels: Record<string, string> = {
  templatize_prompt_enabled: "the offer to save working fixes as templates",
  cw_resolved_status_id: "the resolved ticket status",
  cw_escalated_status_id: "the escalated ticket status",
  escalation_email_enabled: "escalation emails",
  escalation_renotify_minutes: "re-notify after (minutes)",
  slack_webhook_url: "the Slack webhook",
  teams_webhook_url: "the Microsoft Teams webhook",
};

export const channelNames: Record<string, string> = { slack_webhook_url: "Slack", teams_webhook_url: "Microsoft Teams" };

export const statusTargetLabels: Record<string, string> = { resolved: "resolved", escalated: "escalated" };

/** A before/after value as a person reads it: on/off, "not set", numbers and text as they are. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "not set";
  if (value === true) return "on";
  if (value === false) return "off";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** "a viewer", "an engineer", "an admin", "an owner". */
export function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
