/**
 * Schedule entries (§7): `GET|POST /schedule/entries`, `GET|PATCH|DELETE /schedule/entries/{id}`,
 * `/schedule/entries/count`, `GET /schedule/types`, and `GET /service/tickets/{id}/scheduleentries`
 * (references only: `{ id, name, _info }`, no member, like the real endpoint). Open entries of
 * type "S" make up the ticket's `resources` (state.ts `ticketResources`).
 */
import type { Handler, SimContext } from "./context";
import { SIM_API_MEMBER } from "./credentials";
import { ENTRY_REF_SPEC, ENTRY_SPEC, SCHEDULE_TYPE_SPEC } from "./field-specs";
import { created, invalidObject, notFound, objectBody, ok, type SimResponse } from "./http";
import { answerCount, answerList, listSource } from "./list-query";
import { applyPatchOps, readPatchOps } from "./patch-ops";
import { asRef, findMember, findScheduleType, refLabel } from "./references";
import { cwNow, type ScheduleEntryRecord, type SimState } from "./state";
import { requireTicket, touchTicket } from "./ticket-rules";
import { assertListAllowed } from "./traps";

/** A new open service entry for `memberId` on the ticket (also used when resources PATCH is honoured). */
export function addServiceEntry(state: SimState, ticketId: number, memberId: number, extra: Partial<ScheduleEntryRecord> = {}): ScheduleEntryRecord {
  const ticket = state.tickets.get(ticketId)!;
  const company = state.companies.find((candidate) => candidate.id === ticket.companyId);
  const now = cwNow();
  const entry: ScheduleEntryRecord = {
    id: state.nextIds.entry++,
    objectId: ticketId,
    typeId: state.scheduleTypes.find((type) => type.identifier === "S")!.id,
    memberId,
    name: `${company?.name ?? "Company"} / Ticket# ${ticketId} - ${ticket.summary}`.slice(0, 250),
    dateStart: now,
    dateEnd: now,
    statusName: "Firm",
    doneFlag: false,
    allowScheduleConflictsFlag: true,
    hours: 0,
    lastUpdated: now,
    updatedBy: SIM_API_MEMBER.identifier,
    ...extra,
  };
  state.entries.push(entry);
  touchTicket(ticket);
  return entry;
}

const allEntries = (context: SimContext) => context.state.entries.map(context.serialize.entry);

function requireEntry(context: SimContext, rawId: string | undefined): ScheduleEntryRecord {
  const entry = context.state.entries.find((candidate) => String(candidate.id) === rawId);
  if (!entry) throw notFound(`Schedule Entry ${rawId} not found`);
  return entry;
}

export const listEntries: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "schedule");
  return answerList(request, allEntries(context), ENTRY_SPEC);
};

export const countEntries: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "schedule");
  return answerCount(allEntries(context), ENTRY_SPEC, listSource(request));
};

export const getEntry: Handler = (_request, params, context) => {
  assertListAllowed(context.traps, "schedule");
  return ok(context.serialize.entry(requireEntry(context, params[0])));
};

export const listTicketEntries: Handler = (request, params, context) => {
  assertListAllowed(context.traps, "schedule");
  const ticket = requireTicket(context, params[0]);
  const rows = context.state.entries.filter((entry) => entry.objectId === ticket.id && entry.typeId === serviceTypeId(context.state)).map(context.serialize.entryRef);
  return answerList(request, rows, ENTRY_REF_SPEC);
};

export const listScheduleTypes: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "schedule");
  return answerList(request, context.state.scheduleTypes.map(context.serialize.scheduleType), SCHEDULE_TYPE_SPEC);
};

const serviceTypeId = (state: SimState) => state.scheduleTypes.find((type) => type.identifier === "S")!.id;

export const createEntry: Handler = (request, _params, context): SimResponse => {
  const { state } = context;
  const body = objectBody(request.body, "schedule");
  const member = findMember(state, asRef(body.member));
  if (!body.member) throw invalidObject("schedule", [{ code: "NullOrEmpty", message: "The member field is required.", field: "member" }]);
  if (!member) throw invalidObject("schedule", [{ code: "NotFound", message: `Member ${refLabel(asRef(body.member))} not found`, field: "member" }]);
  const type = findScheduleType(state, asRef(body.type));
  if (!body.type) throw invalidObject("schedule", [{ code: "NullOrEmpty", message: "The type field is required.", field: "type" }]);
  if (!type) throw invalidObject("schedule", [{ code: "NotFound", message: `Schedule Type ${refLabel(asRef(body.type))} not found`, field: "type" }]);
  const objectId = typeof body.objectId === "number" ? body.objectId : Number(body.objectId);
  // objectId is read against the entry's type (§7): a ticket id with type "C" is a missing Activity.
  if (type.identifier !== "S" || !Number.isInteger(objectId) || !state.tickets.has(objectId)) {
    const what = type.identifier === "S" ? "Service Ticket" : type.identifier === "O" ? "Opportunity" : "Activity";
    throw invalidObject("schedule", [{ code: "NotFound", message: `${what} ${String(body.objectId ?? "null")} not found`, field: "objectId" }]);
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const entry = addServiceEntry(state, objectId, member.id, {
    dateStart: text(body.dateStart) ?? cwNow(),
    dateEnd: text(body.dateEnd) ?? text(body.dateStart) ?? cwNow(),
    statusName: text((body.status as { name?: unknown } | undefined)?.name) ?? "Firm",
    doneFlag: body.doneFlag === true,
    allowScheduleConflictsFlag: body.allowScheduleConflictsFlag !== false,
    hours: typeof body.hours === "number" ? body.hours : 0,
    ...(text(body.name) ? { name: text(body.name)!.slice(0, 250) } : {}),
  });
  return created(context.serialize.entry(entry));
};

export const patchEntry: Handler = (request, params, context) => {
  const { state } = context;
  const entry = requireEntry(context, params[0]);
  const draft = { ...entry };
  applyPatchOps(readPatchOps(request.body), {
    member: (value) => {
      const member = findMember(state, asRef(value));
      if (!member) throw invalidObject("schedule", [{ code: "NotFound", message: `Member ${refLabel(asRef(value))} not found`, field: "member" }]);
      draft.memberId = member.id;
    },
    doneFlag: (value) => {
      if (typeof value !== "boolean") throw invalidObject("schedule", [{ code: "InvalidField", message: "doneFlag must be true or false.", field: "doneFlag" }]);
      draft.doneFlag = value;
    },
    allowScheduleConflictsFlag: (value) => {
      draft.allowScheduleConflictsFlag = value === true;
    },
    dateStart: (value) => {
      draft.dateStart = typeof value === "string" ? value : null;
    },
    dateEnd: (value) => {
      draft.dateEnd = typeof value === "string" ? value : null;
    },
    status: (value) => {
      const name = asRef(value)?.name;
      if (typeof name === "string") draft.statusName = name;
    },
    name: (value) => {
      if (typeof value === "string") draft.name = value.slice(0, 250);
    },
  });
  Object.assign(entry, draft, { lastUpdated: cwNow(), updatedBy: SIM_API_MEMBER.identifier });
  const ticket = state.tickets.get(entry.objectId);
  if (ticket) touchTicket(ticket);
  return ok(context.serialize.entry(entry));
};

export const deleteEntry: Handler = (_request, params, context) => {
  const entry = requireEntry(context, params[0]);
  context.state.entries = context.state.entries.filter((candidate) => candidate !== entry);
  const ticket = context.state.tickets.get(entry.objectId);
  if (ticket) touchTicket(ticket);
  return { status: 204 };
};
