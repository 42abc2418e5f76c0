import { describe, expect, it } from "vitest";
import { describeAuditEvent, type DescribableEvent } from "@/lib/audit/describe-audit-event";

const event = (overrides: Partial<DescribableEvent>): DescribableEvent => ({
  action: "preferences.updated",
  target_type: "preferences",
  target_id: null,
  target_name: null,
  actor: { name: "Olivia Owner" },
  before: null,
  after: null,
  ...overrides,
});

describe("describeAuditEvent", () => {
  it.each([
    [{ action: "member.role_changed", target_type: "user", target_name: "Jamie Junior", before: { role: "engineer" }, after: { role: "viewer" } }, "Olivia Owner changed Jamie Junior's role from engineer to viewer"],
    [{ action: "member.removed", target_type: "user", before: { name: "Rory Removed" } }, "Olivia Owner removed Rory Removed"],
    [
      { action: "member.signed_out_everywhere", target_type: "user", before: { name: "Sam Signed" }, after: { sign_ins_ended: 2 } },
      "Olivia Owner signed Sam Signed out everywhere (2 browsers signed out)",
    ],
    [{ action: "user.signed_out_everywhere", target_type: "user", after: { sign_ins_ended: 1 } }, "Olivia Owner signed out everywhere (1 browser signed out)"],
    [{ action: "user.password_changed", target_type: "user", after: { other_sign_ins_ended: 0 } }, "Olivia Owner changed their password"],
    [{ action: "user.password_changed", target_type: "user", after: { other_sign_ins_ended: 2 } }, "Olivia Owner changed their password (2 other browsers signed out)"],
    [{ action: "invitation.sent", target_type: "invitation", target_name: "new@msp.test", after: { role: "engineer" } }, "Olivia Owner invited new@msp.test as an engineer"],
    [{ action: "invitation.revoked", target_type: "invitation", before: { email: "new@msp.test" } }, "Olivia Owner revoked the invitation to new@msp.test"],
    [{ action: "invitation.accepted", actor: { name: "Nina New" }, after: { role: "viewer" } }, "Nina New accepted the invitation and joined as a viewer"],
    [{ action: "psa.connection_saved", before: null, after: { site_url: "https://api-na.myconnectwise.net" } }, "Olivia Owner connected ConnectWise (https://api-na.myconnectwise.net)"],
    [{ action: "psa.connection_saved", before: { site_url: "a" }, after: { site_url: "b" } }, "Olivia Owner updated the ConnectWise connection"],
    [{ action: "psa.status_target_changed", target_id: "resolved", after: { status_id: 105, status_name: "Resolved" } }, "Olivia Owner set the resolved ticket status to Resolved (105)"],
    [{ action: "psa.status_target_changed", target_id: "escalated", after: { status_id: null } }, "Olivia Owner cleared the escalated ticket status"],
    [{ before: { escalation_renotify_minutes: 30 }, after: { escalation_renotify_minutes: 45 } }, "Olivia Owner changed re-notify after (minutes) from 30 to 45"],
    [{ before: { escalation_email_enabled: true }, after: { escalation_email_enabled: false } }, "Olivia Owner changed escalation emails from on to off"],
    [{ action: "channels.updated", before: { slack_webhook_url: null, teams_webhook_url: "x.webhook.office.com" }, after: { slack_webhook_url: "hooks.slack.com", teams_webhook_url: null } }, "Olivia Owner turned on Slack alerts (hooks.slack.com) and turned off Microsoft Teams alerts"],
    [{ action: "channels.updated", before: { slack_webhook_url: "hooks.slack.com" }, after: { slack_webhook_url: "hooks.slack.com" } }, "Olivia Owner replaced the Slack webhook (hooks.slack.com)"],
    [{ action: "delivery.retried", target_name: "Slack", before: { status: "failed" } }, "Olivia Owner retried a failed delivery (Slack)"],
    [{ action: "sign_in.locked_out", target_type: "user", target_name: "Ana Engineer", actor: null, after: { email: "ana@msp.test", scope: "address", address: "203.0.113.x", failures: 5 } }, "Sign-in locked for Ana Engineer after 5 failed attempts from 203.0.113.x"],
    [{ action: "sign_in.locked_out", target_type: "user", actor: null, after: { email: "ana@msp.test", scope: "every_address", address: null, failures: 100 } }, "Sign-in locked for ana@msp.test from every address after 100 failed attempts"],
    [{ action: "template.archived", target_type: "script_template", target_id: "t1", actor: null }, "FlowPilot did template.archived on script_template t1"],
  ] as [Partial<DescribableEvent>, string][])("says %j as a sentence", (overrides, sentence) => {
    expect(describeAuditEvent(event(overrides))).toBe(sentence);
  });
});
