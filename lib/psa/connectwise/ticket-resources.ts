import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwTicket } from "@/lib/psa/connectwise/cw-types";
import { listMembers } from "@/lib/psa/connectwise/list-reads";
import { memberRef, splitResources } from "@/lib/psa/connectwise/mappers";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import { createServiceEntry, deleteServiceEntry, listServiceEntries } from "@/lib/psa/connectwise/schedule-entries";
import { readCwTicket } from "@/lib/psa/connectwise/ticket-reads";
import type { AssignmentChange, PsaMemberRef } from "@/lib/psa/provider";
import { isPsaError, PsaError } from "@/lib/psa/psa-error";

/*
 * G4: a ticket's people are its owner plus the members of its open service ("S") schedule
 * entries. ConnectWise derives the `resources` string from those entries; a PATCH of `resources`
 * answers 200 and changes nothing, so co-assignment always goes through /schedule/entries.
 */

function dedupe(members: (PsaMemberRef | null)[]): PsaMemberRef[] {
  const byId = new Map<string, PsaMemberRef>();
  for (const member of members) if (member && !byId.has(member.id)) byId.set(member.id, member);
  return [...byId.values()];
}

/**
 * Co-assignees from the `resources` string, for a key that may not read schedule entries:
 * identifiers resolved through the member list. When that is forbidden too, the original
 * schedule-entry error stands.
 */
async function resourcesFromString(ctx: CwContext, ticket: CwTicket, original: PsaError): Promise<PsaMemberRef[]> {
  const identifiers = splitResources(ticket.resources).map((identifier) => identifier.toLowerCase());
  if (identifiers.length === 0) return [];
  const members = await listMembers(ctx).catch(() => {
    throw original;
  });
  return identifiers.flatMap((identifier) => {
    const member = members.find((candidate) => candidate.identifier.toLowerCase() === identifier);
    return member ? [{ id: member.id, identifier: member.identifier, name: member.name }] : [];
  });
}

/** Owner first, then co-assignees, deduped by member id. */
export async function listResources(ctx: CwContext, ticketId: string): Promise<PsaMemberRef[]> {
  const ticket = await readCwTicket(ctx, ticketId);
  let coAssignees: PsaMemberRef[];
  try {
    coAssignees = (await listServiceEntries(ctx, ticket.id)).map((entry) => memberRef(entry.member)).filter((member): member is PsaMemberRef => member !== null);
  } catch (error) {
    if (!(isPsaError(error) && error.failure === "forbidden")) throw error;
    coAssignees = await resourcesFromString(ctx, ticket, error);
  }
  return dedupe([memberRef(ticket.owner), ...coAssignees]);
}

async function patchOwner(ctx: CwContext, ticket: CwTicket, memberId: number | null) {
  const body = memberId === null ? [{ op: "remove", path: "owner" }] : [{ op: "replace", path: "owner", value: { id: memberId } }];
  await ctx.http.call({ method: "PATCH", path: `/service/tickets/${ticket.id}`, body, subject: { what: `Ticket ${ticket.id}`, permission: CW_PERMISSION.ticketsEdit } });
  const reread = await readCwTicket(ctx, String(ticket.id));
  if ((reread.owner?.id ?? null) !== memberId) {
    const wanted = memberId === null ? "clear the ticket's owner" : `make member ${memberId} the ticket's owner`;
    throw new PsaError("rejected", `ConnectWise answered OK but did not ${wanted}; the owner is still ${reread.owner?.name ?? reread.owner?.identifier ?? "nobody"}.`);
  }
}

/**
 * Assigns `member`: as owner when the ticket has none (verified by a re-read), otherwise as a
 * co-assignee through a new service schedule entry. Already owner or co-assignee → no change.
 */
export async function addResource(ctx: CwContext, ticketId: string, member: PsaMemberRef): Promise<AssignmentChange> {
  const memberId = cwId(member.id, "Member");
  const ticket = await readCwTicket(ctx, ticketId);
  if (ticket.owner?.id === memberId) return { changed: false, via: "none" };
  if (!ticket.owner) {
    await patchOwner(ctx, ticket, memberId);
    return { changed: true, via: "owner" };
  }
  if ((await listServiceEntries(ctx, ticket.id, memberId)).length > 0) return { changed: false, via: "none" };
  await createServiceEntry(ctx, ticket.id, { id: memberId, identifier: member.identifier || undefined });
  return { changed: true, via: "schedule_entry" };
}

/**
 * Unassigns a member. The owner: the owner is cleared (verified) and their own service entries
 * are deleted too, so they really leave the ticket's people. A co-assignee: their service entries
 * are deleted. Neither → no change.
 */
export async function removeResource(ctx: CwContext, ticketId: string, memberId: string): Promise<AssignmentChange> {
  const id = cwId(memberId, "Member");
  const ticket = await readCwTicket(ctx, ticketId);
  const isOwner = ticket.owner?.id === id;
  let entries: Awaited<ReturnType<typeof listServiceEntries>> = [];
  try {
    entries = await listServiceEntries(ctx, ticket.id, id);
  } catch (error) {
    // Clearing the owner needs no schedule access; only co-assignee removal does.
    if (!isOwner) throw error;
  }
  if (isOwner) await patchOwner(ctx, ticket, null);
  for (const entry of entries) await deleteServiceEntry(ctx, entry.id);
  if (isOwner) return { changed: true, via: "owner" };
  return entries.length > 0 ? { changed: true, via: "schedule_entry" } : { changed: false, via: "none" };
}
