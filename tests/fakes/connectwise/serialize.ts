/**
 * Records → the JSON ConnectWise answers: references expanded to `{ id, name, …, _info: { x_href } }`
 * (even when the request named them by id only), `_info` with dates and links.
 */
import type { SeedBoard, SeedCompany, SeedMember, SeedPriority, SeedScheduleType, SeedStatus } from "./seed";
import { memberName } from "./seed";
import { allMembers, ticketResources, type NoteRecord, type ScheduleEntryRecord, type SimState, type TicketRecord } from "./state";

export type Json = Record<string, unknown>;

/** Serializes for one simulator: `api` is the API root URL used in `_href` links. */
export function createSerializer(state: SimState, api: string) {
  const board = (id: number) => state.boards.find((candidate) => candidate.id === id);
  const status = (id: number) => state.statuses.find((candidate) => candidate.id === id);
  const priority = (id: number) => state.priorities.find((candidate) => candidate.id === id);
  const company = (id: number) => state.companies.find((candidate) => candidate.id === id);
  const member = (id: number) => allMembers(state).find((candidate) => candidate.id === id);
  const scheduleType = (id: number) => state.scheduleTypes.find((candidate) => candidate.id === id);

  const boardRef = (value: SeedBoard) => ({ id: value.id, name: value.name, _info: { board_href: `${api}/service/boards/${value.id}` } });
  const statusRef = (value: SeedStatus) => ({ id: value.id, name: value.name, _info: { status_href: `${api}/service/boards/${value.boardId}/statuses/${value.id}` } });
  const priorityRef = (value: SeedPriority) => ({ id: value.id, name: value.name, sort: value.sortOrder, _info: { priority_href: `${api}/service/priorities/${value.id}` } });
  const companyRef = (value: SeedCompany) => ({ id: value.id, identifier: value.identifier, name: value.name, _info: { company_href: `${api}/company/companies/${value.id}` } });
  const memberRef = (value: SeedMember) => ({ id: value.id, identifier: value.identifier, name: memberName(value), _info: { member_href: `${api}/system/members/${value.id}` } });
  const typeRef = (value: SeedScheduleType) => ({ id: value.id, identifier: value.identifier, name: value.name, _info: { type_href: `${api}/schedule/types/${value.id}` } });
  const maybe = <T, R>(value: T | undefined, to: (value: T) => R): R | null => (value ? to(value) : null);
  /** The display flags both note endpoints answer, in their order. */
  const noteFlags = (record: NoteRecord) => ({
    detailDescriptionFlag: record.detailDescriptionFlag,
    internalAnalysisFlag: record.internalAnalysisFlag,
    resolutionFlag: record.resolutionFlag,
    issueFlag: record.issueFlag,
  });

  return {
    ticket(record: TicketRecord): Json {
      return {
        id: record.id,
        summary: record.summary,
        recordType: record.recordType,
        board: maybe(board(record.boardId), boardRef),
        status: maybe(status(record.statusId), statusRef),
        company: maybe(company(record.companyId), companyRef),
        contactName: record.contactName,
        priority: maybe(priority(record.priorityId), priorityRef),
        owner: record.ownerId === null ? null : maybe(member(record.ownerId), memberRef),
        resources: ticketResources(state, record.id),
        severity: record.severity,
        impact: record.impact,
        customerUpdatedFlag: record.customerUpdatedFlag,
        closedFlag: record.closedFlag,
        closedDate: record.closedDate,
        closedBy: record.closedBy,
        customFields: [],
        _info: {
          dateEntered: record.dateEntered,
          enteredBy: record.enteredBy,
          lastUpdated: record.lastUpdated,
          updatedBy: record.updatedBy,
          notes_href: `${api}/service/tickets/${record.id}/notes`,
          scheduleentries_href: `${api}/service/tickets/${record.id}/scheduleentries`,
        },
      };
    },
    note(record: NoteRecord): Json {
      return {
        id: record.id,
        ticketId: record.ticketId,
        text: record.text,
        ...noteFlags(record),
        customerUpdatedFlag: record.customerUpdatedFlag,
        processNotifications: record.processNotifications,
        member: maybe(member(record.memberId), memberRef),
        dateCreated: record.dateCreated,
        createdBy: record.createdBy,
        internalFlag: record.internalAnalysisFlag,
        externalFlag: record.detailDescriptionFlag || record.resolutionFlag,
        _info: { lastUpdated: record.dateCreated, updatedBy: record.createdBy },
      };
    },
    /** `allNotes` rows: ServiceTicketNote, a read-only union (here: the ticket notes only). */
    allNote(record: NoteRecord, ticket: TicketRecord): Json {
      return {
        id: record.id,
        ticket: { id: ticket.id, summary: ticket.summary },
        text: record.text,
        noteType: "TicketNote",
        ...noteFlags(record),
        isMarkdownFlag: false,
        member: maybe(member(record.memberId), memberRef),
        _info: { lastUpdated: record.dateCreated, updatedBy: record.createdBy, dateCreated: record.dateCreated, createdBy: record.createdBy },
      };
    },
    entry(record: ScheduleEntryRecord): Json {
      return {
        id: record.id,
        objectId: record.objectId,
        name: record.name,
        member: maybe(member(record.memberId), memberRef),
        type: maybe(scheduleType(record.typeId), typeRef),
        dateStart: record.dateStart,
        dateEnd: record.dateEnd,
        status: { id: 2, name: record.statusName },
        doneFlag: record.doneFlag,
        acknowledgedFlag: false,
        ownerFlag: false,
        meetingFlag: false,
        allowScheduleConflictsFlag: record.allowScheduleConflictsFlag,
        hours: record.hours,
        _info: { lastUpdated: record.lastUpdated, updatedBy: record.updatedBy, objectMemberImageLink: `${api}/system/members/${record.memberId}/image` },
      };
    },
    /** What `/service/tickets/{id}/scheduleentries` answers: references only, no member. */
    entryRef(record: ScheduleEntryRecord): Json {
      return { id: record.id, name: record.name, _info: { scheduleEntry_href: `${api}/schedule/entries/${record.id}` } };
    },
    board(value: SeedBoard): Json {
      return { id: value.id, name: value.name, inactiveFlag: value.inactiveFlag, projectFlag: false, autoAssignNewTicketsFlag: false, autoAssignTicketOwnerFlag: false, _info: { statuses_href: `${api}/service/boards/${value.id}/statuses` } };
    },
    status(value: SeedStatus): Json {
      return {
        id: value.id,
        name: value.name,
        board: maybe(board(value.boardId), boardRef),
        sortOrder: value.sortOrder,
        displayOnBoard: !value.closedStatus,
        inactive: value.inactive,
        closedStatus: value.closedStatus,
        timeEntryNotAllowed: false,
        defaultFlag: value.defaultFlag,
        escalationStatus: value.closedStatus ? "Resolved" : "NotResponded",
        customerPortalFlag: false,
        _info: { lastUpdated: "2026-01-05T09:00:00Z", updatedBy: "aadmin" },
      };
    },
    priority(value: SeedPriority): Json {
      return { id: value.id, name: value.name, color: value.color, sortOrder: value.sortOrder, defaultFlag: value.defaultFlag, _info: {} };
    },
    member(value: SeedMember): Json {
      return {
        id: value.id,
        identifier: value.identifier,
        firstName: value.firstName,
        lastName: value.lastName,
        inactiveFlag: value.inactiveFlag,
        primaryEmail: value.email,
        officeEmail: value.email,
        defaultEmail: "Office",
        licenseClass: "F",
        title: value.title,
        timeZone: { id: 1, name: "GMT-5/Eastern Time: US & Canada" },
        _info: { lastUpdated: "2026-01-05T09:00:00Z", updatedBy: "aadmin" },
      };
    },
    company(value: SeedCompany): Json {
      return { id: value.id, identifier: value.identifier, name: value.name, status: { id: 1, name: "Active" }, deletedFlag: false, phoneNumber: "5550100", website: `www.${value.identifier.toLowerCase()}.example`, _info: { contacts_href: `${api}/company/contacts?conditions=company/id=${value.id}` } };
    },
    scheduleType(value: SeedScheduleType): Json {
      return { id: value.id, identifier: value.identifier, name: value.name, chargeCode: null, where: null, systemFlag: true, _info: {} };
    },
  };
}

export type Serializer = ReturnType<typeof createSerializer>;
