/** The fields of a successful post that the page tells the person about. */
export type PostedSummary = {
  ticket_id: string;
  verified_status: { id: string; name: string } | null;
  status_transition_skipped_reason: string | null;
};

/** "Posted to ConnectWise ticket #48233 · status moved to Resolved (verified)", or why the status stayed. */
export function postedLine(post: PostedSummary): string {
  const base = `Posted to ConnectWise ticket #${post.ticket_id}`;
  if (post.verified_status) return `${base} · status moved to ${post.verified_status.name} (verified)`;
  if (post.status_transition_skipped_reason) return `${base} · status change skipped: ${post.status_transition_skipped_reason}`;
  return base;
}
