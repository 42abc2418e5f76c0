/**
 * Resolving a reference in a request body: `{ id }`, `{ identifier }` (companies, members,
 * schedule types) or `{ name }` (boards, statuses, priorities, members), as CW accepts (§3).
 * Names and identifiers match case-insensitively. A miss is `undefined`; callers word the 400.
 */
import { memberName, type SeedBoard, type SeedCompany, type SeedMember, type SeedPriority, type SeedScheduleType, type SeedStatus } from "./seed";
import { allMembers, type SimState } from "./state";

export type RefInput = { id?: unknown; identifier?: unknown; name?: unknown };

/** The reference object a value stands for; a bare number or string is taken as an id or a name. */
export function asRef(value: unknown): RefInput | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return { id: value };
  if (typeof value === "string") return /^\d+$/.test(value) ? { id: Number(value) } : { name: value, identifier: value };
  if (typeof value === "object" && !Array.isArray(value)) return value as RefInput;
  return null;
}

const same = (a: unknown, b: string) => typeof a === "string" && a.trim().toLowerCase() === b.toLowerCase();
const sameId = (a: unknown, id: number) => (typeof a === "number" || (typeof a === "string" && /^\d+$/.test(a))) && Number(a) === id;

function pick<T extends { id: number }>(rows: readonly T[], ref: RefInput | null, ...keys: ((row: T) => string)[]): T | undefined {
  if (!ref) return undefined;
  if (ref.id !== undefined && ref.id !== null) return rows.find((row) => sameId(ref.id, row.id));
  for (const key of keys) {
    const found = rows.find((row) => same(ref.identifier, key(row)) || same(ref.name, key(row)));
    if (found) return found;
  }
  return undefined;
}

export const findBoard = (state: SimState, ref: RefInput | null): SeedBoard | undefined => pick(state.boards, ref, (board) => board.name);
export const findPriority = (state: SimState, ref: RefInput | null): SeedPriority | undefined => pick(state.priorities, ref, (priority) => priority.name);
export const findCompany = (state: SimState, ref: RefInput | null): SeedCompany | undefined => pick(state.companies, ref, (company) => company.identifier, (company) => company.name);
export const findMember = (state: SimState, ref: RefInput | null): SeedMember | undefined => pick(allMembers(state), ref, (member) => member.identifier, (member) => memberName(member));
export const findScheduleType = (state: SimState, ref: RefInput | null): SeedScheduleType | undefined => pick(state.scheduleTypes, ref, (type) => type.identifier, (type) => type.name);

/** A status by id (any board: the caller checks the board) or by name on `boardId`. */
export function findStatus(state: SimState, ref: RefInput | null, boardId: number): SeedStatus | undefined {
  if (!ref) return undefined;
  if (ref.id !== undefined && ref.id !== null) return state.statuses.find((status) => sameId(ref.id, status.id));
  return state.statuses.find((status) => status.boardId === boardId && same(ref.name, status.name));
}

/** The id a reference names, for error messages ("Service Status 999 not found …"). */
export const refLabel = (ref: RefInput | null) => String(ref?.id ?? ref?.identifier ?? ref?.name ?? "null");

export const defaultStatusOf = (state: SimState, boardId: number) =>
  state.statuses.find((status) => status.boardId === boardId && status.defaultFlag && !status.inactive) ?? state.statuses.find((status) => status.boardId === boardId && !status.inactive);
