/** The parts of ConnectWise's JSON (model version 2025.1, reference §4–§7) the mappers read. */

export type CwRef = { id: number; name?: string | null; identifier?: string | null };
export type CwInfo = { dateEntered?: string; lastUpdated?: string; enteredBy?: string; updatedBy?: string };

export type CwTicket = {
  id: number;
  summary?: string | null;
  board?: CwRef | null;
  status?: CwRef | null;
  company?: CwRef | null;
  priority?: CwRef | null;
  contact?: CwRef | null;
  contactName?: string | null;
  owner?: CwRef | null;
  /** Derived and read-only: identifiers of the open service schedule entries' members, ", "-joined. */
  resources?: string | null;
  closedFlag?: boolean | null;
  _info?: CwInfo | null;
};

// Older versions say `inactive` on boards; statuses always say `inactive` (§6).
export type CwBoard = { id: number; name: string; inactiveFlag?: boolean | null; inactive?: boolean | null };
export type CwBoardStatus = { id: number; name: string; board?: CwRef | null; sortOrder?: number | null; inactive?: boolean | null; closedStatus?: boolean | null; defaultFlag?: boolean | null };
export type CwPriority = { id: number; name: string; sortOrder?: number | null; sort?: number | null };
export type CwMember = { id: number; identifier: string; firstName?: string | null; lastName?: string | null; primaryEmail?: string | null; officeEmail?: string | null; inactiveFlag?: boolean | null };
export type CwCompany = { id: number; identifier?: string | null; name?: string | null };

export type CwNote = {
  id: number;
  ticketId?: number | null;
  text?: string | null;
  detailDescriptionFlag?: boolean | null;
  internalAnalysisFlag?: boolean | null;
  resolutionFlag?: boolean | null;
  member?: CwRef | null;
  dateCreated?: string | null;
  createdBy?: string | null;
  _info?: CwInfo | null;
};

export type CwScheduleEntry = { id: number; objectId?: number | null; member?: CwRef | null; type?: CwRef | null; doneFlag?: boolean | null };
export type CwScheduleType = { id: number; identifier?: string | null; name?: string | null };
export type CwSystemInfo = { version?: string | null };
