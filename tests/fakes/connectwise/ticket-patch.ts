/**
 * `PATCH /service/tickets/{id}` (§3, §4.2, §4.3). All ops are applied to a draft and committed
 * together. Traps: `resources` is read-only and its PATCH a 200 no-op (`resourcesPatchIgnored`;
 * off, it is honoured through schedule entries); a status not on the ticket's board is ignored
 * (200, unchanged) or refused (400) per `patchForeignStatus`. Other read-only or unknown paths
 * (`closedFlag`, `id`, `_info`, a mis-cased `Status`) answer 200 and change nothing.
 */
import type { Handler } from "./context";
import { invalidObject, ok } from "./http";
import { applyPatchOps, readPatchOps } from "./patch-ops";
import { asRef, defaultStatusOf, findBoard, findCompany, findMember, findPriority, findStatus, refLabel, type RefInput } from "./references";
import { addServiceEntry } from "./schedule";
import { allMembers, type SimState } from "./state";
import { applyStatus, foreignStatusError, requireTicket, touchTicket } from "./ticket-rules";

const LEVELS = ["Low", "Medium", "High"] as const;

export const patchTicket: Handler = (request, params, context) => {
  const { state, traps } = context;
  const ticket = requireTicket(context, params[0]);
  const draft = { ...ticket };
  const missing = (field: string, label: string, ref: RefInput | null) => invalidObject("ticket", [{ code: "NotFound", message: `${label} ${refLabel(ref)} not found`, field }]);
  let statusRef: RefInput | null | undefined;
  let resources: { op: string; identifiers: string[] } | undefined;

  applyPatchOps(readPatchOps(request.body), {
    summary: (value) => {
      if (typeof value !== "string" || !value.trim() || value.length > 100) throw invalidObject("ticket", [{ code: "InvalidField", message: "The field summary must be a string with a maximum length of 100.", field: "summary" }]);
      draft.summary = value.trim();
    },
    board: (value) => {
      const board = findBoard(state, asRef(value));
      if (!board) throw missing("board", "Service Board", asRef(value));
      draft.boardId = board.id;
    },
    status: (value) => {
      statusRef = asRef(value);
    },
    company: (value) => {
      const company = findCompany(state, asRef(value));
      if (!company) throw missing("company", "Company", asRef(value));
      draft.companyId = company.id;
    },
    priority: (value) => {
      const priority = findPriority(state, asRef(value));
      if (!priority) throw missing("priority", "Priority", asRef(value));
      draft.priorityId = priority.id;
    },
    owner: (value) => {
      if (value === null) {
        draft.ownerId = null;
        return;
      }
      const member = findMember(state, asRef(value));
      if (!member) throw missing("owner", "Member", asRef(value));
      draft.ownerId = member.id;
    },
    contactName: (value) => {
      draft.contactName = typeof value === "string" ? value : null;
    },
    severity: (value) => {
      if (LEVELS.includes(value as (typeof LEVELS)[number])) draft.severity = value as (typeof LEVELS)[number];
    },
    impact: (value) => {
      if (LEVELS.includes(value as (typeof LEVELS)[number])) draft.impact = value as (typeof LEVELS)[number];
    },
    customerUpdatedFlag: (value) => {
      draft.customerUpdatedFlag = value === true;
    },
    resources: (value, op) => {
      if (traps.resourcesPatchIgnored) return; // The real API: 200, nothing assigned (§4.1, S7#33).
      resources = { op: op.op, identifiers: parseIdentifiers(value) };
    },
  });

  const statusOnBoard = (id: number) => state.statuses.find((status) => status.id === id && status.boardId === draft.boardId);
  let status = statusOnBoard(draft.statusId);
  if (statusRef !== undefined) {
    const wanted = findStatus(state, statusRef, draft.boardId);
    if (wanted && wanted.boardId === draft.boardId) status = wanted;
    else if (traps.patchForeignStatus === "reject") throw foreignStatusError(refLabel(statusRef), draft.boardId);
  }
  // A board change without a valid status falls back to the new board's default status.
  status ??= defaultStatusOf(state, draft.boardId);
  if (status && status.id !== ticket.statusId) applyStatus(draft, status);
  else if (status) draft.statusId = status.id;

  const changed = (Object.keys(draft) as (keyof typeof draft)[]).some((key) => draft[key] !== ticket[key]);
  Object.assign(ticket, draft);
  if (resources) applyResources(state, ticket.id, resources);
  if (changed) touchTicket(ticket);
  return ok(context.serialize.ticket(ticket));
};

function parseIdentifiers(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(",").map((part) => part.trim()).filter(Boolean);
  return [];
}

/** The honest-API mode: `replace` sets the co-assignees, `add` adds, `remove` clears. */
function applyResources(state: SimState, ticketId: number, change: { op: string; identifiers: string[] }) {
  const members = change.identifiers.map((identifier) => allMembers(state).find((member) => member.identifier.toLowerCase() === identifier.toLowerCase())).filter((member) => member !== undefined);
  const open = state.entries.filter((entry) => entry.objectId === ticketId && !entry.doneFlag);
  if (change.op !== "add") {
    const keep = new Set(change.op === "remove" ? [] : members.map((member) => member.id));
    state.entries = state.entries.filter((entry) => !open.includes(entry) || keep.has(entry.memberId));
  }
  for (const member of members) {
    if (!state.entries.some((entry) => entry.objectId === ticketId && !entry.doneFlag && entry.memberId === member.id)) addServiceEntry(state, ticketId, member.id);
  }
}
