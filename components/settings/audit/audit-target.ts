import type { AuditEventView } from "@/lib/audit/list-audit-events";

const targetTypeLabels: Record<string, string> = {
  user: "Member",
  member: "Member",
  invitation: "Invitation",
  preferences: "Preferences",
  chat_channels: "Chat channels",
  psa_connection: "ConnectWise connection",
  psa_status_target: "ConnectWise status",
  notification_delivery: "Delivery",
};

/** What an event was done to, as the Target column says it: "Member · Jamie Junior". */
export function auditTargetLabel(event: Pick<AuditEventView, "target_type" | "target_id" | "target_name">): string {
  const kind = targetTypeLabels[event.target_type] ?? event.target_type.replaceAll("_", " ");
  if (event.target_name) return `${kind} · ${event.target_name}`;
  if (event.target_type === "psa_status_target" && event.target_id) return `${kind} · ${event.target_id}`;
  return kind;
}
