import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvitationState } from "@/lib/members/invitation-state";

type State = "active" | "removed" | InvitationState;

const tones: Record<State, BadgeTone> = { active: "green", removed: "neutral", invited: "blue", expired: "amber", revoked: "neutral", accepted: "green" };
const labels: Record<State, string> = { active: "Active", removed: "Removed", invited: "Invited", expired: "Expired", revoked: "Revoked", accepted: "Accepted" };

/** A member's or invitation's state as a badge. */
export function MemberStateBadge({ state }: { state: State }) {
  return <Badge tone={tones[state]}>{labels[state]}</Badge>;
}
