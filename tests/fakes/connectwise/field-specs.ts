/**
 * Which fields each list can filter, sort and project, and their types. Field names match
 * case-insensitively in conditions (CW's docs write `Board/Id`); `lastUpdated`, `dateEntered`,
 * `enteredBy` and `updatedBy` resolve from `_info` as the real API allows.
 */
export type FieldType = "string" | "number" | "boolean" | "date";
export type FieldSpec = { [key: string]: FieldType | FieldSpec };
export type EntitySpec = { name: string; fields: FieldSpec };

const INFO: FieldSpec = { dateEntered: "date", enteredBy: "string", lastUpdated: "date", updatedBy: "string" };
const ref: FieldSpec = { id: "number", name: "string" };
const memberRef: FieldSpec = { id: "number", identifier: "string", name: "string" };

/** Metadata fields conditions accept at the top level although the JSON keeps them in `_info`. */
export const INFO_ALIASES: Record<string, string> = { lastupdated: "_info/lastUpdated", dateentered: "_info/dateEntered", enteredby: "_info/enteredBy", updatedby: "_info/updatedBy" };

export const TICKET_SPEC: EntitySpec = {
  name: "Ticket",
  fields: {
    id: "number",
    summary: "string",
    recordType: "string",
    board: ref,
    status: ref,
    company: memberRef,
    contactName: "string",
    priority: { id: "number", name: "string", sort: "number" },
    owner: memberRef,
    resources: "string",
    severity: "string",
    impact: "string",
    customerUpdatedFlag: "boolean",
    closedFlag: "boolean",
    closedDate: "date",
    closedBy: "string",
    _info: INFO,
  },
};

export const NOTE_SPEC: EntitySpec = {
  name: "ServiceNote",
  fields: {
    id: "number",
    ticketId: "number",
    text: "string",
    detailDescriptionFlag: "boolean",
    internalAnalysisFlag: "boolean",
    resolutionFlag: "boolean",
    issueFlag: "boolean",
    customerUpdatedFlag: "boolean",
    member: memberRef,
    dateCreated: "date",
    createdBy: "string",
    internalFlag: "boolean",
    externalFlag: "boolean",
    _info: { lastUpdated: "date", updatedBy: "string" },
  },
};

export const ALL_NOTE_SPEC: EntitySpec = {
  name: "ServiceTicketNote",
  fields: { id: "number", ticket: { id: "number", summary: "string" }, text: "string", noteType: "string", detailDescriptionFlag: "boolean", internalAnalysisFlag: "boolean", resolutionFlag: "boolean", member: memberRef, _info: INFO },
};

export const ENTRY_SPEC: EntitySpec = {
  name: "ScheduleEntry",
  fields: {
    id: "number",
    objectId: "number",
    name: "string",
    member: memberRef,
    type: { id: "number", identifier: "string", name: "string" },
    dateStart: "date",
    dateEnd: "date",
    status: ref,
    doneFlag: "boolean",
    allowScheduleConflictsFlag: "boolean",
    hours: "number",
    _info: { lastUpdated: "date", updatedBy: "string" },
  },
};

export const ENTRY_REF_SPEC: EntitySpec = { name: "ScheduleEntryReference", fields: { id: "number", name: "string" } };

export const BOARD_SPEC: EntitySpec = { name: "Board", fields: { id: "number", name: "string", inactiveFlag: "boolean", projectFlag: "boolean" } };

export const STATUS_SPEC: EntitySpec = {
  name: "BoardStatus",
  fields: { id: "number", name: "string", board: ref, sortOrder: "number", displayOnBoard: "boolean", inactive: "boolean", closedStatus: "boolean", defaultFlag: "boolean", escalationStatus: "string", _info: { lastUpdated: "date", updatedBy: "string" } },
};

export const PRIORITY_SPEC: EntitySpec = { name: "Priority", fields: { id: "number", name: "string", color: "string", sortOrder: "number", defaultFlag: "boolean" } };

export const MEMBER_SPEC: EntitySpec = {
  name: "Member",
  fields: { id: "number", identifier: "string", firstName: "string", lastName: "string", inactiveFlag: "boolean", primaryEmail: "string", officeEmail: "string", licenseClass: "string", title: "string", _info: { lastUpdated: "date", updatedBy: "string" } },
};

export const COMPANY_SPEC: EntitySpec = { name: "Company", fields: { id: "number", identifier: "string", name: "string", status: ref, deletedFlag: "boolean", phoneNumber: "string", website: "string" } };

export const SCHEDULE_TYPE_SPEC: EntitySpec = { name: "ScheduleType", fields: { id: "number", identifier: "string", name: "string", systemFlag: "boolean" } };

export type ResolvedField = { keys: string[]; type: FieldType };

/** Resolves `a/b/c` against `spec`, case-insensitively; null when the entity has no such field. */
export function resolveField(spec: EntitySpec, path: string, { aliases = true } = {}): ResolvedField | null {
  const alias = aliases ? INFO_ALIASES[path.toLowerCase()] : undefined;
  const segments = (alias ?? path).split("/");
  const keys: string[] = [];
  let current: FieldType | FieldSpec = spec.fields;
  for (const segment of segments) {
    if (typeof current === "string") return null;
    const key: string | undefined = Object.keys(current).find((candidate) => candidate.toLowerCase() === segment.toLowerCase());
    if (!key) return null;
    keys.push(key);
    current = current[key]!;
  }
  return typeof current === "string" ? { keys, type: current } : null;
}

/** Reads a resolved field from a serialized object; a missing reference reads as null. */
export function readField(object: unknown, keys: readonly string[]): unknown {
  let current = object;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}
