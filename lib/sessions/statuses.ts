/** Sessions in transit to a senior: the canonical status and the legacy one, read alike everywhere (F5, F7). */
export const IN_TRANSIT_STATUSES = ["escalated", "requesting_escalation"] as const;

/** True when a session with `status` is waiting for a senior to pick it up. */
export function isInTransit(status: string): boolean {
  return (IN_TRANSIT_STATUSES as readonly string[]).includes(status);
}
