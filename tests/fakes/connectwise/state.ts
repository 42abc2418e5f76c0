/**
 * The simulator's mutable world: plain records built fresh from the seed on every reset, so no
 * test can leak changes into the next reseed.
 */
import { SIM_API_MEMBER } from "./credentials";
import { SIM_BOARDS, SIM_COMPANIES, SIM_MEMBERS, SIM_PRIORITIES, SIM_SCHEDULE_TYPES, SIM_STATUSES, type SeedBoard, type SeedCompany, type SeedMember, type SeedPriority, type SeedScheduleType, type SeedStatus } from "./seed";
import { SIM_TICKET_SEEDS, seedTicketDate } from "./seed-tickets";

export type TicketRecord = {
  id: number;
  summary: string;
  recordType: "ServiceTicket";
  boardId: number;
  statusId: number;
  companyId: number;
  priorityId: number;
  ownerId: number | null;
  contactName: string | null;
  severity: "Low" | "Medium" | "High";
  impact: "Low" | "Medium" | "High";
  customerUpdatedFlag: boolean;
  closedFlag: boolean;
  closedDate: string | null;
  closedBy: string | null;
  dateEntered: string;
  enteredBy: string;
  lastUpdated: string;
  updatedBy: string;
};

export type NoteRecord = {
  id: number;
  ticketId: number;
  text: string;
  detailDescriptionFlag: boolean;
  internalAnalysisFlag: boolean;
  resolutionFlag: boolean;
  issueFlag: boolean;
  customerUpdatedFlag: boolean;
  processNotifications: boolean;
  memberId: number;
  dateCreated: string;
  createdBy: string;
};

export type ScheduleEntryRecord = {
  id: number;
  objectId: number;
  typeId: number;
  memberId: number;
  name: string;
  dateStart: string | null;
  dateEnd: string | null;
  statusName: string;
  doneFlag: boolean;
  allowScheduleConflictsFlag: boolean;
  hours: number;
  lastUpdated: string;
  updatedBy: string;
};

export type SimState = {
  boards: SeedBoard[];
  statuses: SeedStatus[];
  priorities: SeedPriority[];
  members: SeedMember[];
  companies: SeedCompany[];
  scheduleTypes: SeedScheduleType[];
  tickets: Map<number, TicketRecord>;
  notes: NoteRecord[];
  entries: ScheduleEntryRecord[];
  nextIds: { ticket: number; note: number; entry: number };
};

/** CW's datetime format: seconds precision, `Z`. */
export const cwNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** The member of the API key, as a member record (it is not listed by /system/members). */
export const API_MEMBER_RECORD: SeedMember = { id: SIM_API_MEMBER.id, identifier: SIM_API_MEMBER.identifier, firstName: "FlowPilot", lastName: "API", email: "", inactiveFlag: false, title: "API Member" };

export function createSeedState(): SimState {
  const state: SimState = {
    boards: Object.values(SIM_BOARDS).map((board) => ({ ...board })),
    statuses: SIM_STATUSES.map((status) => ({ ...status })),
    priorities: SIM_PRIORITIES.map((priority) => ({ ...priority })),
    members: Object.values(SIM_MEMBERS).map((member) => ({ ...member })),
    companies: Object.values(SIM_COMPANIES).map((company) => ({ ...company })),
    scheduleTypes: Object.values(SIM_SCHEDULE_TYPES).map((type) => ({ ...type })),
    tickets: new Map(),
    notes: [],
    entries: [],
    nextIds: { ticket: 48300, note: 9001, entry: 7001 },
  };
  SIM_TICKET_SEEDS.forEach((seed, index) => {
    const entered = seedTicketDate(index);
    const status = state.statuses.find((candidate) => candidate.id === seed.statusId)!;
    const company = SIM_COMPANIES[seed.company];
    const owner = seed.owner ? SIM_MEMBERS[seed.owner] : null;
    state.tickets.set(seed.id, {
      id: seed.id,
      summary: seed.summary,
      recordType: "ServiceTicket",
      boardId: seed.boardId,
      statusId: seed.statusId,
      companyId: company.id,
      priorityId: seed.priorityId,
      ownerId: owner?.id ?? null,
      contactName: company.contact,
      severity: "Medium",
      impact: "Medium",
      customerUpdatedFlag: false,
      closedFlag: status.closedStatus,
      closedDate: status.closedStatus ? entered : null,
      closedBy: status.closedStatus ? (seed.owner ?? "aadmin") : null,
      dateEntered: entered,
      enteredBy: "aadmin",
      lastUpdated: entered,
      updatedBy: seed.owner ?? "aadmin",
    });
    addSeedNote(state, seed.id, seed.description, "detail", entered, "aadmin");
    if (seed.internal) addSeedNote(state, seed.id, seed.internal, "internal", entered, seed.owner ?? "aadmin");
    for (const key of seed.resources) {
      const member = SIM_MEMBERS[key];
      state.entries.push({
        id: state.nextIds.entry++,
        objectId: seed.id,
        typeId: SIM_SCHEDULE_TYPES.service.id,
        memberId: member.id,
        name: `${company.name} / Ticket# ${seed.id} - ${seed.summary}`.slice(0, 250),
        dateStart: entered,
        dateEnd: entered,
        statusName: "Firm",
        doneFlag: false,
        allowScheduleConflictsFlag: true,
        hours: 0,
        lastUpdated: entered,
        updatedBy: "aadmin",
      });
    }
  });
  return state;
}

function addSeedNote(state: SimState, ticketId: number, text: string, kind: "detail" | "internal", date: string, by: string) {
  const member = state.members.find((candidate) => candidate.identifier === by) ?? API_MEMBER_RECORD;
  state.notes.push({
    id: state.nextIds.note++,
    ticketId,
    text,
    detailDescriptionFlag: kind === "detail",
    internalAnalysisFlag: kind === "internal",
    resolutionFlag: false,
    issueFlag: false,
    customerUpdatedFlag: false,
    processNotifications: false,
    memberId: member.id,
    dateCreated: date,
    createdBy: member.identifier,
  });
}

/** Every member a reference may name: the listed ones plus the API member. */
export const allMembers = (state: SimState): SeedMember[] => [...state.members, API_MEMBER_RECORD];

/** The ticket's `resources`: member identifiers of its open service entries, deduped, joined with ", ". */
export function ticketResources(state: SimState, ticketId: number): string {
  const serviceTypeId = state.scheduleTypes.find((type) => type.identifier === "S")?.id;
  const identifiers: string[] = [];
  for (const entry of state.entries) {
    if (entry.objectId !== ticketId || entry.typeId !== serviceTypeId || entry.doneFlag) continue;
    const member = allMembers(state).find((candidate) => candidate.id === entry.memberId);
    if (member && !identifiers.includes(member.identifier)) identifiers.push(member.identifier);
  }
  return identifiers.join(", ");
}
