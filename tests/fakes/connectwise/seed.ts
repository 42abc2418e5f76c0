/**
 * The simulator's fixed reference data: boards, per-board statuses (names repeat across boards
 * with other ids, as in real ConnectWise), priorities, members (emails match the demo users in
 * prisma/seed-data.ts), companies and schedule types. Deterministic: tests name ids through these
 * constants instead of magic numbers. Tickets live in seed-tickets.ts.
 */

export type SeedBoard = { id: number; name: string; inactiveFlag: boolean };
export type SeedStatus = { id: number; boardId: number; name: string; sortOrder: number; closedStatus: boolean; defaultFlag: boolean; inactive: boolean };
export type SeedPriority = { id: number; name: string; sortOrder: number; color: string; defaultFlag: boolean };
export type SeedMember = { id: number; identifier: string; firstName: string; lastName: string; email: string; inactiveFlag: boolean; title: string };
export type SeedCompany = { id: number; identifier: string; name: string; contact: string };
export type SeedScheduleType = { id: number; identifier: string; name: string };

export const SIM_BOARDS = {
  helpDesk: { id: 1, name: "Help Desk", inactiveFlag: false },
  escalations: { id: 2, name: "Escalations", inactiveFlag: false },
  legacy: { id: 3, name: "Legacy Projects", inactiveFlag: true },
} as const satisfies Record<string, SeedBoard>;

/** Status ids by board; `SIM_STATUS.helpDesk.resolved` is 105, `SIM_STATUS.escalations.resolved` is 203. */
export const SIM_STATUS = {
  helpDesk: { new: 101, inProgress: 102, waitingOnCustomer: 103, escalated: 104, resolved: 105, closed: 106, onHoldRetired: 107 },
  escalations: { new: 201, escalated: 202, resolved: 203, inProgress: 204, closed: 205 },
  legacy: { new: 301, closed: 302 },
} as const;

const status = (id: number, boardId: number, name: string, sortOrder: number, flags: Partial<Pick<SeedStatus, "closedStatus" | "defaultFlag" | "inactive">> = {}): SeedStatus => ({
  id,
  boardId,
  name,
  sortOrder,
  closedStatus: flags.closedStatus ?? false,
  defaultFlag: flags.defaultFlag ?? false,
  inactive: flags.inactive ?? false,
});

export const SIM_STATUSES: readonly SeedStatus[] = [
  status(101, 1, "New", 0, { defaultFlag: true }),
  status(102, 1, "In Progress", 1),
  status(103, 1, "Waiting on Customer", 2),
  status(104, 1, "Escalated", 3),
  status(105, 1, "Resolved", 8, { closedStatus: true }),
  status(106, 1, ">Closed", 9, { closedStatus: true }),
  // A retired status: boards keep them, clients are expected to filter on `inactive`.
  status(107, 1, "On Hold (retired)", 5, { inactive: true }),
  status(201, 2, "New", 0, { defaultFlag: true }),
  status(202, 2, "Escalated", 1),
  status(203, 2, "Resolved", 8, { closedStatus: true }),
  status(204, 2, "In Progress", 2),
  status(205, 2, ">Closed", 9, { closedStatus: true }),
  status(301, 3, "New", 0, { defaultFlag: true }),
  status(302, 3, ">Closed", 9, { closedStatus: true }),
];

export const SIM_PRIORITY = { critical: 11, high: 12, normal: 13, low: 14 } as const;

export const SIM_PRIORITIES: readonly SeedPriority[] = [
  { id: 11, name: "Priority 1 - Critical", sortOrder: 1, color: "Red", defaultFlag: false },
  { id: 12, name: "Priority 2 - High", sortOrder: 2, color: "Orange", defaultFlag: false },
  { id: 13, name: "Priority 3 - Normal", sortOrder: 3, color: "Blue", defaultFlag: true },
  { id: 14, name: "Priority 4 - Low", sortOrder: 4, color: "Gray", defaultFlag: false },
];

/** Members by identifier. The first four match the demo users' emails (junior, senior, admin, owner). */
export const SIM_MEMBERS = {
  jjunior: { id: 176, identifier: "jjunior", firstName: "Jamie", lastName: "Junior", email: "junior@demo-msp.test", inactiveFlag: false, title: "Service Desk Engineer" },
  ssenior: { id: 177, identifier: "ssenior", firstName: "Sam", lastName: "Senior", email: "senior@demo-msp.test", inactiveFlag: false, title: "Senior Engineer" },
  aadmin: { id: 178, identifier: "aadmin", firstName: "Adam", lastName: "Admin", email: "admin@demo-msp.test", inactiveFlag: false, title: "Service Manager" },
  oowner: { id: 179, identifier: "oowner", firstName: "Olivia", lastName: "Owner", email: "owner@demo-msp.test", inactiveFlag: false, title: "Owner" },
  tlee: { id: 180, identifier: "tlee", firstName: "Taylor", lastName: "Lee", email: "taylor.lee@demo-msp.test", inactiveFlag: false, title: "Field Technician" },
  pnguyen: { id: 181, identifier: "pnguyen", firstName: "Priya", lastName: "Nguyen", email: "priya.nguyen@demo-msp.test", inactiveFlag: false, title: "Service Desk Engineer" },
  mgarcia: { id: 182, identifier: "mgarcia", firstName: "Morgan", lastName: "Garcia", email: "morgan.garcia@demo-msp.test", inactiveFlag: true, title: "Former Engineer" },
} as const satisfies Record<string, SeedMember>;

export type SimMemberKey = keyof typeof SIM_MEMBERS;

export const memberName = (member: Pick<SeedMember, "firstName" | "lastName">) => `${member.firstName} ${member.lastName}`;

export const SIM_COMPANIES = {
  northwind: { id: 250, identifier: "NorthwindDental", name: "Northwind Dental", contact: "Dr. Amy Chen" },
  contoso: { id: 251, identifier: "ContosoLegal", name: "Contoso Legal", contact: "Rachel Park" },
  fabrikam: { id: 252, identifier: "FabrikamLogistics", name: "Fabrikam Logistics", contact: "Luis Ortega" },
  tailspin: { id: 253, identifier: "TailspinToys", name: "Tailspin Toys", contact: "Mia Wong" },
  woodgrove: { id: 254, identifier: "WoodgroveBank", name: "Woodgrove Bank", contact: "Henry Adams" },
  adventureWorks: { id: 255, identifier: "AdventureWorks", name: "Adventure Works Cycling", contact: "Grace Miller" },
  litware: { id: 256, identifier: "Litware", name: "Litware Inc", contact: "Omar Haddad" },
  // An apostrophe and an ampersand: conditions built from the name must be quoted and URL-encoded.
  obrien: { id: 257, identifier: "OBrienSons", name: "O'Brien & Sons Plumbing", contact: "Sean O'Brien" },
} as const satisfies Record<string, SeedCompany>;

export type SimCompanyKey = keyof typeof SIM_COMPANIES;

/** Schedule types: identifier "S" (service ticket) is what makes a ticket's `resources`. */
export const SIM_SCHEDULE_TYPES = {
  activity: { id: 1, identifier: "C", name: "Activity" },
  opportunity: { id: 2, identifier: "O", name: "Opportunity" },
  service: { id: 4, identifier: "S", name: "Service" },
} as const satisfies Record<string, SeedScheduleType>;
