import { cond, ConditionValueError } from "@/lib/psa/connectwise/conditions";
import { cwId, type CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwBoard, CwBoardStatus, CwCompany, CwMember, CwPriority } from "@/lib/psa/connectwise/cw-types";
import { toBoard, toCompany, toMember, toPriority, toStatus } from "@/lib/psa/connectwise/mappers";
import { listAll } from "@/lib/psa/connectwise/pagination";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";
import type { PsaBoard, PsaCompany, PsaMember, PsaPriority, PsaStatus } from "@/lib/psa/provider";
import { PsaError } from "@/lib/psa/psa-error";

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** G5: the active service boards, by name. Throws PsaError forbidden when the key may not read them. */
export async function listBoards(ctx: CwContext): Promise<PsaBoard[]> {
  const rows = await listAll<CwBoard>(ctx.http, "/service/boards", { orderBy: "name asc" }, { what: "Boards", permission: CW_PERMISSION.boards }, ctx.options.maxListPages);
  return rows.map(toBoard).filter((board) => !board.inactive).sort(byName);
}

/** Every status of a board as ConnectWise lists it, inactive ones included (for explanations). */
export async function listAllBoardStatuses(ctx: CwContext, boardId: string): Promise<PsaStatus[]> {
  const id = cwId(boardId, "Board", "not_found");
  const rows = await listAll<CwBoardStatus>(
    ctx.http,
    `/service/boards/${id}/statuses`,
    { orderBy: "sortOrder asc" },
    { what: `Board ${id}`, permission: CW_PERMISSION.boards },
    ctx.options.maxListPages,
  );
  return rows.map((row) => toStatus(row, String(id))).sort((a, b) => a.sort_order - b.sort_order || byName(a, b));
}

/** G5: a board's active statuses in the board's order (statuses are per board in ConnectWise). */
export async function listBoardStatuses(ctx: CwContext, boardId: string): Promise<PsaStatus[]> {
  return (await listAllBoardStatuses(ctx, boardId)).filter((status) => !status.inactive);
}

/** G5: ticket priorities in ConnectWise's order. */
export async function listPriorities(ctx: CwContext): Promise<PsaPriority[]> {
  const rows = await listAll<CwPriority>(ctx.http, "/service/priorities", { orderBy: "sortOrder asc" }, { what: "Priorities", permission: CW_PERMISSION.priorities }, ctx.options.maxListPages);
  return rows.map(toPriority).sort((a, b) => a.sort - b.sort);
}

/** G5: active members (the assignment picker and "mine" mapping), by name. */
export async function listMembers(ctx: CwContext): Promise<PsaMember[]> {
  const rows = await listAll<CwMember>(
    ctx.http,
    "/system/members",
    { conditions: cond.eq("inactiveFlag", false).text, orderBy: "identifier asc" },
    { what: "Members", permission: CW_PERMISSION.members },
    ctx.options.maxListPages,
  );
  return rows.map(toMember).filter((member) => !member.inactive).sort(byName);
}

/** G5: companies, optionally those whose name or identifier contains `search` (matched literally). */
export async function listCompanies(ctx: CwContext, search?: string): Promise<PsaCompany[]> {
  const text = search?.replace(/\s+/g, " ").trim();
  let conditions: string | undefined;
  try {
    conditions = cond.and(cond.eq("deletedFlag", false), text && cond.or(cond.like("name", text), cond.like("identifier", text)))?.text;
  } catch (error) {
    if (error instanceof ConditionValueError) throw new PsaError("invalid", error.message);
    throw error;
  }
  const rows = await listAll<CwCompany>(ctx.http, "/company/companies", { conditions, orderBy: "name asc" }, { what: "Companies", permission: CW_PERMISSION.companies }, ctx.options.maxListPages);
  return rows.map(toCompany).sort(byName);
}
