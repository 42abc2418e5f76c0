import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { AssignmentChange, PsaMemberRef, PsaProvider } from "@/lib/psa/provider";
import { isPsaError } from "@/lib/psa/psa-error";
import { recordPsaWrite } from "@/lib/psa/psa-timeline";
import { failureDetail } from "@/lib/psa/tickets/record-failure";

export type ResourceChange = AssignmentChange & { resources: PsaMemberRef[] };
export type ResourceList = { items: PsaMemberRef[]; next_page: null; warning?: string };

/**
 * G4: who works a ticket: its owner plus the members of its schedule entries, deduped. When the
 * key may not read schedule entries, degrades to the owner alone with a `warning` (logged as
 * `psa.list_forbidden`). Throws conflict (409) when not connected, PsaError otherwise.
 */
export async function listPsaTicketResources(viewer: Viewer, ticketId: string): Promise<ResourceList> {
  const provider = await requirePsaProvider(viewer.accountId);
  try {
    return { items: await provider.listResources(ticketId), next_page: null };
  } catch (error) {
    if (!isPsaError(error) || error.failure !== "forbidden") throw error;
    console.warn(JSON.stringify({ event: "psa.list_forbidden", account_id: viewer.accountId, list: "resources", message: error.message }));
    const { owner } = await provider.getTicket(ticketId);
    return {
      items: owner ? [owner] : [],
      next_page: null,
      warning: `The PSA key may not read schedule entries, so only the owner is shown (${error.message}). Give the API member's security role Inquire on Service Desk › Resource Scheduling.`,
    };
  }
}

async function findMember(provider: PsaProvider, memberId: string): Promise<PsaMemberRef> {
  const member = (await provider.listMembers()).find((entry) => entry.id === memberId);
  if (!member) throw invalid(`ConnectWise has no member #${memberId}; pick one from the list.`);
  return { id: member.id, identifier: member.identifier, name: member.name };
}

const how: Record<AssignmentChange["via"], string> = { owner: "as the owner", schedule_entry: "as a co-assignee (schedule entry)", none: "" };

/**
 * G4: assigns a member: an unowned ticket gets them as owner; an owned one gets a schedule entry
 * for them (never a PATCH of `resources`, which ConnectWise ignores); someone already assigned is
 * a no-op (`changed: false`). Resolves with what happened and the resulting resources. A change
 * (or a failed attempt) is recorded on the linked sessions' timelines. Throws invalid (422) for a
 * member the PSA doesn't have, conflict (409) when not connected, PsaError otherwise.
 */
export async function addPsaTicketResource(viewer: Viewer, ticketId: string, memberId: string): Promise<ResourceChange> {
  const provider = await requirePsaProvider(viewer.accountId);
  const member = await findMember(provider, memberId);
  let change: AssignmentChange;
  try {
    change = await provider.addResource(ticketId, member);
  } catch (error) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "assignment", ticket_id: ticketId, ok: false, detail: failureDetail(`Assigning ${member.name}`, error) });
    throw error;
  }
  if (change.changed) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "assignment", ticket_id: ticketId, ok: true, detail: `Assigned ${member.name} ${how[change.via]}.` });
  }
  return { ...change, resources: await provider.listResources(ticketId) };
}

/**
 * G4: unassigns a member: the owner is cleared, a co-assignee's schedule entry deleted; someone
 * not assigned is a no-op. Resolves with what happened and the remaining resources; a change (or a
 * failed attempt) is recorded on the linked sessions' timelines. Throws conflict (409) when not
 * connected, PsaError otherwise.
 */
export async function removePsaTicketResource(viewer: Viewer, ticketId: string, memberId: string): Promise<ResourceChange> {
  const provider = await requirePsaProvider(viewer.accountId);
  const before = await provider.listResources(ticketId);
  const name = before.find((entry) => entry.id === memberId)?.name ?? `member #${memberId}`;
  let change: AssignmentChange;
  try {
    change = await provider.removeResource(ticketId, memberId);
  } catch (error) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "assignment", ticket_id: ticketId, ok: false, detail: failureDetail(`Unassigning ${name}`, error) });
    throw error;
  }
  if (change.changed) {
    const role = change.via === "owner" ? "the owner" : "a co-assignee";
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "assignment", ticket_id: ticketId, ok: true, detail: `Unassigned ${name} (was ${role}).` });
  }
  return { ...change, resources: await provider.listResources(ticketId) };
}
