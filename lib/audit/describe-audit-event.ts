import { channelNames, formatAuditValue, preferenceLabels, statusTargetLabels, withArticle } from "@/lib/audit/audit-labels";

type Values = Record<string, unknown> | null;

/** What a sentence needs of an event. */
export type DescribableEvent = {
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  actor: { name: string } | null;
  before: Values;
  after: Values;
};

const text = (values: Values, key: string): string | null => {
  const value = values?.[key];
  return typeof value === "string" && value ? value : null;
};

function targetOf(event: DescribableEvent): string {
  return event.target_name ?? text(event.after, "name") ?? text(event.before, "name") ?? text(event.after, "email") ?? text(event.before, "email") ?? "a member";
}

function describePreferences({ before, after }: DescribableEvent): string {
  const keys = Object.keys(after ?? {});
  const label = (key: string) => preferenceLabels[key] ?? key;
  if (keys.length === 1) {
    const key = keys[0]!;
    return `changed ${label(key)} from ${formatAuditValue(before?.[key])} to ${formatAuditValue(after?.[key])}`;
  }
  return `changed ${keys.length} preferences: ${keys.map(label).join(", ")}`;
}

function describeChannels({ before, after }: DescribableEvent): string {
  const parts = Object.keys(after ?? {}).map((key) => {
    const channel = channelNames[key] ?? key;
    const was = before?.[key] ?? null;
    const now = after?.[key] ?? null;
    if (now === null) return `turned off ${channel} alerts`;
    if (was === null) return `turned on ${channel} alerts (${formatAuditValue(now)})`;
    return `replaced the ${channel} webhook (${formatAuditValue(now)})`;
  });
  return parts.join(" and ");
}

function describeConnection(event: DescribableEvent): string {
  if (event.action === "psa.connection_deleted") return "disconnected ConnectWise";
  const site = text(event.after, "site_url");
  return event.before ? "updated the ConnectWise connection" : `connected ConnectWise${site ? ` (${site})` : ""}`;
}

function describeStatusTarget(event: DescribableEvent): string {
  const which = statusTargetLabels[event.target_id ?? ""] ?? "a";
  const id = event.after?.status_id ?? null;
  if (id === null) return `cleared the ${which} ticket status`;
  const name = text(event.after, "status_name");
  return `set the ${which} ticket status to ${name ? `${name} (${formatAuditValue(id)})` : formatAuditValue(id)}`;
}

/** "Sign-in locked for Ana Engineer after 5 failed attempts from 203.0.113.x": FlowPilot did it, so no actor leads. */
function describeSignInLockout(event: DescribableEvent): string {
  const who = event.target_name ?? text(event.after, "email") ?? "a member";
  const failures = formatAuditValue(event.after?.failures ?? null);
  const address = text(event.after, "address");
  const attempts = `${failures} failed attempt${failures === "1" ? "" : "s"}`;
  if (text(event.after, "scope") === "every_address") return `Sign-in locked for ${who} from every address after ${attempts}`;
  return `Sign-in locked for ${who} after ${attempts}${address ? ` from ${address}` : ""}`;
}

/** " (2 browsers signed out)", or nothing when the count is missing or none ended. */
function endedSignIns(count: unknown, which = ""): string {
  if (typeof count !== "number" || count === 0) return "";
  return ` (${count} ${which}browser${count === 1 ? "" : "s"} signed out)`;
}

function describeAction(event: DescribableEvent): string {
  const role = (values: Values) => text(values, "role") ?? "another role";
  switch (event.action) {
    case "member.role_changed":
      return `changed ${targetOf(event)}'s role from ${role(event.before)} to ${role(event.after)}`;
    case "member.removed":
      return `removed ${targetOf(event)}`;
    case "member.signed_out_everywhere":
      return `signed ${targetOf(event)} out everywhere${endedSignIns(event.after?.sign_ins_ended)}`;
    case "user.signed_out_everywhere":
      return `signed out everywhere${endedSignIns(event.after?.sign_ins_ended)}`;
    case "user.password_changed":
      return `changed their password${endedSignIns(event.after?.other_sign_ins_ended, "other ")}`;
    case "invitation.sent":
      return `invited ${targetOf(event)}${text(event.after, "role") ? ` as ${withArticle(role(event.after))}` : ""}`;
    case "invitation.resent":
      return `resent the invitation to ${targetOf(event)}`;
    case "invitation.revoked":
      return `revoked the invitation to ${targetOf(event)}`;
    case "invitation.accepted":
      return `accepted the invitation${text(event.after, "role") ? ` and joined as ${withArticle(role(event.after))}` : ""}`;
    case "psa.connection_saved":
    case "psa.connection_deleted":
      return describeConnection(event);
    case "psa.status_target_changed":
      return describeStatusTarget(event);
    case "preferences.updated":
      return describePreferences(event);
    case "channels.updated":
      return describeChannels(event);
    case "delivery.retried": {
      const status = text(event.before, "status");
      return `retried ${status ? withArticle(status) : "a"} delivery${event.target_name ? ` (${event.target_name})` : ""}`;
    }
    default:
      return `did ${event.action} on ${event.target_type}${event.target_id ? ` ${event.target_id}` : ""}`;
  }
}

/** The sentence Settings → Audit shows for an event, e.g. "Olivia Owner changed Jamie Junior's role from engineer to viewer". */
export function describeAuditEvent(event: DescribableEvent): string {
  if (event.action === "sign_in.locked_out") return describeSignInLockout(event);
  return `${event.actor?.name ?? "FlowPilot"} ${describeAction(event)}`;
}
