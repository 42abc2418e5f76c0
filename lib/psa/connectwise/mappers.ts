import type { CwBoard, CwBoardStatus, CwCompany, CwMember, CwNote, CwPriority, CwRef, CwTicket } from "@/lib/psa/connectwise/cw-types";
import type { PsaBoard, PsaCompany, PsaMember, PsaMemberRef, PsaNote, PsaNoteKind, PsaPriority, PsaRef, PsaStatus, PsaTicket } from "@/lib/psa/provider";

const ref = (value: CwRef | null | undefined): PsaRef | null => (value?.id == null ? null : { id: String(value.id), name: value.name ?? "" });

export const memberRef = (value: CwRef | null | undefined): PsaMemberRef | null =>
  value?.id == null ? null : { id: String(value.id), identifier: value.identifier ?? "", name: value.name ?? value.identifier ?? "" };

/** `"jdoe, asmith"` → `["jdoe", "asmith"]`. */
export const splitResources = (resources: string | null | undefined): string[] =>
  (resources ?? "").split(",").map((identifier) => identifier.trim()).filter(Boolean);

export function toTicket(ticket: CwTicket): PsaTicket {
  return {
    id: String(ticket.id),
    summary: ticket.summary ?? "",
    board: ref(ticket.board),
    status: ref(ticket.status),
    company: ticket.company?.id == null ? null : { id: String(ticket.company.id), identifier: ticket.company.identifier ?? "", name: ticket.company.name ?? "" },
    priority: ref(ticket.priority),
    contact_name: ticket.contactName ?? ticket.contact?.name ?? null,
    owner: memberRef(ticket.owner),
    resources: splitResources(ticket.resources),
    closed: ticket.closedFlag === true,
    created_at: ticket._info?.dateEntered ?? null,
    updated_at: ticket._info?.lastUpdated ?? null,
  };
}

export const toBoard = (board: CwBoard): PsaBoard => ({ id: String(board.id), name: board.name, inactive: board.inactiveFlag === true || board.inactive === true });

export const toStatus = (status: CwBoardStatus, boardId: string): PsaStatus => ({
  id: String(status.id),
  name: status.name,
  board_id: status.board?.id != null ? String(status.board.id) : boardId,
  closed: status.closedStatus === true,
  inactive: status.inactive === true,
  is_default: status.defaultFlag === true,
  sort_order: status.sortOrder ?? 0,
});

export const toPriority = (priority: CwPriority): PsaPriority => ({ id: String(priority.id), name: priority.name, sort: priority.sortOrder ?? priority.sort ?? 0 });

export const memberName = (member: Pick<CwMember, "firstName" | "lastName" | "identifier">) =>
  [member.firstName, member.lastName].filter(Boolean).join(" ") || member.identifier;

export const toMember = (member: CwMember): PsaMember => ({
  id: String(member.id),
  identifier: member.identifier,
  name: memberName(member),
  email: member.primaryEmail || member.officeEmail || null,
  inactive: member.inactiveFlag === true,
});

export const toCompany = (company: CwCompany): PsaCompany => ({ id: String(company.id), identifier: company.identifier ?? "", name: company.name ?? "" });

/** The note's display flags as FlowPilot's kinds (G7). */
export function noteKinds(note: Pick<CwNote, "detailDescriptionFlag" | "internalAnalysisFlag" | "resolutionFlag">): PsaNoteKind[] {
  const kinds: PsaNoteKind[] = [];
  if (note.internalAnalysisFlag) kinds.push("internal_analysis");
  if (note.detailDescriptionFlag) kinds.push("customer_detail");
  if (note.resolutionFlag) kinds.push("resolution");
  return kinds;
}

export const toNote = (note: CwNote, ticketId: string): PsaNote => ({
  id: String(note.id),
  ticket_id: note.ticketId != null ? String(note.ticketId) : ticketId,
  text: note.text ?? "",
  kinds: noteKinds(note),
  created_at: note.dateCreated ?? note._info?.dateEntered ?? null,
  created_by: note.createdBy ?? note.member?.identifier ?? null,
});
