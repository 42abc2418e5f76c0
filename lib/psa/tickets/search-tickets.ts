import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import { resolveViewerMember } from "@/lib/psa/member-mapping";
import type { PsaMemberRef, PsaProvider, PsaTicket, TicketAssignment } from "@/lib/psa/provider";
import { isPsaError } from "@/lib/psa/psa-error";
import type { SearchTicketsInput } from "@/lib/psa/ticket-schemas";

export const TICKET_PAGE_SIZE = 25;

export type TicketSearchResult = { items: PsaTicket[]; next_page: number | null; warning?: string };

type Resolved = { assignment: TicketAssignment } | { warning: string };

export const NO_MEMBER_FOR_MINE =
  'Your FlowPilot user isn\'t matched to a ConnectWise member yet, so "Mine" has nothing to show. Use the same email in both, or pick your member in Settings → PSA.';

/** The member a filter names: "mine" is the viewer's mapped member; a member id is looked up for its identifier. */
async function findFilterMember(viewer: Viewer, provider: PsaProvider, assigned: string): Promise<PsaMemberRef | null> {
  if (assigned === "mine") return resolveViewerMember(viewer, provider);
  // A co-assignee is known to the PSA by identifier only, so the member id is looked up.
  const member = (await provider.listMembers()).find((entry) => entry.id === assigned);
  if (!member) throw invalid(`ConnectWise has no member #${assigned}; pick one from the list.`);
  return member;
}

/** Turns `assigned` into the provider's filter. A member list the key may not read degrades (G5). */
async function resolveAssignment(viewer: Viewer, provider: PsaProvider, assigned: string): Promise<Resolved> {
  if (assigned === "all") return { assignment: { kind: "all" } };
  if (assigned === "unassigned") return { assignment: { kind: "unassigned" } };
  try {
    const member = await findFilterMember(viewer, provider, assigned);
    return member ? { assignment: { kind: "member", member: { id: member.id, identifier: member.identifier } } } : { warning: NO_MEMBER_FOR_MINE };
  } catch (error) {
    if (!isPsaError(error) || error.failure !== "forbidden") throw error;
    console.warn(JSON.stringify({ event: "psa.list_forbidden", account_id: viewer.accountId, list: "members", message: error.message }));
    return { warning: `The PSA key may not read members, so tickets can't be filtered by member (${error.message}). Give the API member's security role Inquire on System › Member Maintenance.` };
  }
}

/**
 * G2: one page of the viewer's account's PSA tickets matching every filter given: board, status
 * by name on every board, company, assignment (all / mine / unassigned / a member id: owner or
 * co-assignee) and free text, which the provider quotes (never concatenated into conditions).
 * `next_page` is the next page number or null. "Mine" without a mapped member, or a member filter
 * when the key may not read members, resolves an empty page with a `warning` saying what to do.
 * Throws conflict (409) when not connected, invalid (422) for a member id the PSA doesn't have,
 * and PsaError for a PSA failure.
 */
export async function searchPsaTickets(viewer: Viewer, input: SearchTicketsInput): Promise<TicketSearchResult> {
  const provider = await requirePsaProvider(viewer.accountId);
  const resolved = await resolveAssignment(viewer, provider, input.assigned ?? "all");
  if ("warning" in resolved) return { items: [], next_page: null, warning: resolved.warning };
  return provider.searchTickets({
    boardId: input.board_id,
    statusName: input.status_name,
    companyId: input.company_id,
    assignment: resolved.assignment,
    text: input.q,
    page: input.page ?? 1,
    pageSize: TICKET_PAGE_SIZE,
  });
}
