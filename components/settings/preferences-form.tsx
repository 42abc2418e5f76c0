import { Lock } from "lucide-react";
import type { AccountPreferences } from "@/lib/accounts/schemas";
import { PreferenceField } from "@/components/settings/preference-field";
import { PreferenceSwitch } from "@/components/settings/preference-switch";
import { SettingsSection } from "@/components/settings/settings-section";

type Props = { preferences: AccountPreferences; canEdit: boolean };

/** Account preferences (SPEC A5). Owners and admins edit; everyone else sees the same values read-only. */
export function PreferencesForm({ preferences: p, canEdit }: Props) {
  const disabled = !canEdit;
  return (
    <div className="space-y-6">
      {!canEdit && (
        <p className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          <Lock aria-hidden className="size-4 shrink-0 text-slate-500" />
          Only owners and admins can change these settings. You can see the current values below.
        </p>
      )}

      <SettingsSection id="settings-templates" title="Script templates" description="How working fixes become reusable team scripts.">
        <PreferenceSwitch
          name="templatize_prompt_enabled"
          label="Offer to save working fixes as team templates"
          description="After a session is resolved, engineers are asked whether to turn the script that fixed it into a template."
          value={p.templatize_prompt_enabled}
          disabled={disabled}
        />
      </SettingsSection>

      <SettingsSection id="settings-escalations" title="Escalation alerts" description="How teammates hear about an escalation beyond the in-app bell.">
        <PreferenceSwitch
          name="escalation_email_enabled"
          label="Email teammates when a session is escalated"
          description="Each engineer, admin and owner gets an email with a link straight to the handoff."
          value={p.escalation_email_enabled}
          disabled={disabled}
        />
        <PreferenceField kind="number" nullable={false} name="escalation_renotify_minutes" label="Re-notify after (minutes)" description="Unclaimed escalations alert the team again after this many minutes (5 to 1440)." value={p.escalation_renotify_minutes} disabled={disabled} />
      </SettingsSection>

      <SettingsSection id="settings-channels" title="Chat channels" description="Incoming-webhook URLs that receive escalation alerts. Leave empty to turn a channel off.">
        <PreferenceField kind="url" nullable name="slack_webhook_url" label="Slack webhook URL" description="A Slack incoming webhook (https://hooks.slack.com/…)." value={p.slack_webhook_url} disabled={disabled} placeholder="https://hooks.slack.com/services/…" />
        <PreferenceField kind="url" nullable name="teams_webhook_url" label="Microsoft Teams webhook URL" description="A Teams incoming webhook (https://<tenant>.webhook.office.com/…) or a Teams Workflows URL (…logic.azure.com or …powerplatform.com)." value={p.teams_webhook_url} disabled={disabled} placeholder="https://contoso.webhook.office.com/webhookb2/…" />
      </SettingsSection>
    </div>
  );
}
